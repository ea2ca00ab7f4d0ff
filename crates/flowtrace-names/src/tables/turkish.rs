//! Turkish names, canonical in Turkish orthography; the other forms are what records without
//! Turkish letters (or with German transcription) make of them.

pub(crate) const MALE: &str = "
Mehmet, Mehmed, Muhammed
Mustafa
Ahmet, Ahmed
Ali
Hüseyin, Huseyin, Hueseyin
Hasan
İbrahim, Ibrahim
İsmail, Ismail
Osman
Yusuf
Murat, Murad
Ömer, Omer, Oemer
Ramazan
Halil
Süleyman, Suleyman, Sueleyman
Abdullah
Mahmut, Mahmud
Recep, Redzep
Salih
Fatih
Kadir
Emre
Hakan
Burak
Serkan
Kemal
Yasin
Metin
Erkan
Orhan
Selim
Tuncay
Cem, Djem
Emin
Bülent, Bulent, Buelent
Volkan
Uğur, Ugur
Cengiz, Dschengis
Gökhan, Gokhan, Goekhan
Engin
Onur
Oğuz, Oguz
Tarık, Tarik
Bayram
Şükrü, Sukru, Schuekrue
Kenan
Levent
Erdal
Sinan
Furkan
Enes
Yunus
";

pub(crate) const FEMALE: &str = "
Fatma
Ayşe, Ayse, Aysche
Emine
Hatice, Hatidze
Zeynep, Zeinep
Elif
Meryem
Şerife, Serife
Zehra
Sultan
Hanife
Merve
Özlem, Ozlem, Oezlem
Yasemin
Hülya, Hulya, Huelya
Esra
Büşra, Busra
Derya
Gül, Gul, Guel
Leyla
Esma
Songül, Songul
Aynur
Gülsüm, Gulsum
Sibel
Tuba
Ebru
Nur
Kübra, Kubra
Dilek
Melek
Sevgi
Filiz
Hacer
Nermin
Serpil
Arzu
Hande
Pınar, Pinar
Selin
Ceren
Deniz
Aslı, Asli
İrem, Irem
Eda
Rabia
";

pub(crate) const FAMILY: &str = "
Yılmaz, Yilmaz
Kaya
Demir
Şahin, Sahin
Çelik, Celik
Yıldız, Yildiz
Yıldırım, Yildirim
Öztürk, Ozturk, Oeztuerk
Aydın, Aydin
Özdemir, Ozdemir, Oezdemir
Arslan
Doğan, Dogan
Kılıç, Kilic
Aslan
Çetin, Cetin
Kara
Koç, Koc
Kurt
Özkan, Ozkan
Şimşek, Simsek
Polat
Özcan, Ozcan
Korkmaz
Çakır, Cakir
Erdoğan, Erdogan
Yavuz
Can
Acar
Şen, Sen
Aktaş, Aktas
Güler, Guler
Yalçın, Yalcin
Güneş, Gunes
Bozkurt
Bulut
Keskin
Ünal, Unal
Turan
Özer, Ozer
Işık, Isik
Kaplan
Avcı, Avci
Sarı, Sari
Tekin
Taş, Tas
Köse, Kose
Yüksel, Yuksel
Ateş, Ates
Aksoy
Karaca
Uçar, Ucar
Altun
Tunç, Tunc
";
