//! West African names: Hausa (northern Nigeria, Niger), Sahelian (Mande, Fula and Wolof names
//! in French spelling: Mali, Senegal, Guinea, Burkina Faso) and Guinea-coast (Yoruba, Igbo,
//! Akan).

pub(crate) const HAUSA_MALE: &str = "
Muhammadu, Mohammed, Muhammad, Mamman
Abubakar, Abubakr, Aboubakar, Abu Bakr
Musa, Moussa
Ibrahim, Ibrahima
Usman, Usmanu, Ousmane
Aliyu, Aliou
Bello
Sani
Garba
Lawal, Lawan
Danjuma
Shehu, Shehou
Abdullahi, Abdallah
Haruna, Harouna
Idris, Idrissa
Sulaiman, Suleiman, Sulaimanu
Tijjani, Tijani, Tidjani
Umaru, Umar, Oumarou
Adamu
Bashir, Bachir
Kabiru, Kabir
Nasiru, Nasir
Auwalu, Auwal, Awwal
Yahaya, Yahya
Dauda, Daouda
Isah, Issa
Salisu, Salissou
Aminu
Jibrin, Jibril, Jibrilla
Yakubu, Yacoubou
Mustapha, Mustafa
Ahmadu, Ahmadou
Mahamadou, Mahmud
Sadiq, Saddiq
Tukur
Nuhu
Hamza
Habibu
Sa'idu, Saidu
Yusufu, Yusuf
";

pub(crate) const HAUSA_FEMALE: &str = "
Aishatu, Aisha, A'isha
Fatima, Fatimatu
Hadiza
Zainab, Zainabu
Aminatu, Amina
Hauwa
Maryam, Mariya
Hajara
Halimatu, Halima
Binta
Rabi, Rabi'atu
Khadija
Jamila
Zulaiha, Zulaihat
Asma'u, Asmau
Safiya, Safiyya
Rakiya, Rakiyya
Hafsat, Hafsatu
Sa'adatu, Saadatu
Balaraba
Ladi
Talatu
Larai
Hassana
Husaina
Bilkisu, Bilkis
Maimuna
Sadiya
Ummi
Nafisa, Nafisatu
Salamatu
Habiba
Lami
Zuwaira
Asabe
Amira
Fiddausi, Firdausi
Murja
Rahama
Jummai
";

pub(crate) const HAUSA_FAMILY: &str = "
Abubakar
Bello
Sani
Musa
Usman
Yusuf
Garba
Aliyu
Lawal
Danjuma
Ibrahim
Shehu
Abdullahi
Haruna
Idris
Mohammed
Suleiman
Umar
Adamu
Bashir
Yahaya
Dauda
Isa
Salisu
Aminu
Yakubu
Mustapha
Ahmadu
Tukur
Gwarzo
Dikko
Jega
Bichi
Kazaure
Zango
Tsafe
Gusau
Jibrin
Lawan
Kabir
";

pub(crate) const SAHEL_MALE: &str = "
Mamadou, Mamadu, Mohamadou
Moussa, Musa
Ousmane, Usman, Osmane
Amadou, Ahmadou, Amadu
Ibrahima, Ibrahim
Abdoulaye, Abdullahi, Abdoulay
Souleymane, Suleiman, Souleimane
Boubacar, Abubakar, Bubacarr
Cheikh, Sheikh
Modou, Modu
Lamine, Alamine
Alassane, Alhassane
Oumar, Omar, Umar
Seydou, Saidou, Seidou
Bakary, Bakari
Sekou, Sékou
Adama
Issa, Isa
Idrissa
Moustapha, Mustapha, Mustafa
Aliou, Aliyu, Alioune
Assane, Hassane
Babacar, Babakar
Demba
Samba
Youssouf, Yusuf
Karim
Abdou
Tidiane, Tijani
Malick, Malik
Djibril, Jibril
Ousseynou
Pape, Papa
Yaya
Drissa
Siaka
Lassana, Lassina
Kalilou, Khalilou
Hamidou
Fousseyni
";

pub(crate) const SAHEL_FEMALE: &str = "
Aminata, Aminatou
Fatoumata, Fatimata, Fatmata
Mariama, Mariame
Aissatou, Aïssatou, Aissata
Kadiatou, Khadijatou, Kadijatu
Awa
Fatou
Mariam
Oumou, Umu
Rokia, Rokiatou
Hawa
Ndeye, N'Deye
Khady, Khadi
Astou
Coumba, Kumba
Binta
Djeneba, Jeneba
Assitan
Kadidia
Safiatou
Salimata
Ramatoulaye, Ramatu
Dieynaba
Maimouna, Maimuna
Nafissatou, Nafisatu
Rama
Sokhna
Penda
Bineta
Kani
Ramata
Nene
Hadja
Mame
Sira
Bintou
Oumoul
Tenin
Mah
Nana
";

pub(crate) const SAHEL_FAMILY: &str = "
Diallo, Jallo, Jalloh, Djalo
Traoré, Traore
Coulibaly, Kulibali
Keïta, Keita
Konaté, Konate
Diarra, Jarra
Touré, Toure, Ture
Camara, Kamara
Cissé, Cisse, Sise
Sow, Sowe
Ba, Bah
Diop, Jobe
Ndiaye, N'Diaye, Njie
Fall
Sy
Gueye, Gaye
Faye
Sarr, Sar
Mbaye, M'Baye
Kane
Sylla, Silla
Barry, Bari
Baldé, Balde
Kouyaté, Kouyate, Kuyateh
Sangaré, Sangare
Dembélé, Dembele
Doumbia, Dumbuya
Sissoko, Cissoko
Koné, Kone
Ouattara, Wattara
Ouédraogo, Ouedraogo
Sawadogo
Kaboré, Kabore
Diakité, Diakite, Jakite
Kanté, Kante
Fofana
Sanogo
Maïga, Maiga
Niang
Seck
Thiam, Cham
Dia
Tall
Ndour
Sall
";

pub(crate) const COAST_MALE: &str = "
Oluwaseun, Seun
Adebayo, Bayo
Babatunde, Tunde
Olumide
Oluwafemi, Femi
Chukwuemeka, Emeka
Chinedu
Obinna
Ikenna
Kwame
Kofi
Kwabena
Yaw
Kwaku
Kwesi
Samuel
Emmanuel
John
David
Michael
Daniel
Joseph
Godwin
Chidi
Uche
Tochukwu
Ifeanyi
Segun
Kayode
Ayodele
Oluwatobi, Tobi
Nnamdi
Kelechi
Kojo
Ebenezer
Prince
Felix
Isaac
Nana
Kwadwo
";

pub(crate) const COAST_FEMALE: &str = "
Folake
Funmilayo, Funmi
Adaeze, Ada
Chiamaka
Ngozi
Nneka
Abena
Akosua
Ama
Efua
Blessing
Grace
Esther
Adwoa
Yetunde
Bukola
Titilayo, Titi
Omolara
Temitope, Tope
Oluwakemi, Kemi
Chioma
Ifeoma
Amaka
Nkechi
Adjoa
Afua
Akua
Comfort
Patience
Gifty
Mercy
Joy
Dorcas
Ruth
Abimbola
Olufunke
Chinwe
Uchenna
Yaa
Esi
";

pub(crate) const COAST_FAMILY: &str = "
Adeyemi
Okafor
Okonkwo
Adebayo
Ogunleye
Balogun
Nwosu
Eze
Obi
Mensah
Asante
Owusu
Boateng
Osei
Appiah
Agyeman
Danso
Adjei
Ofori
Okeke
Nwachukwu
Olawale
Ogundipe
Akande
Oyelaran
Adeleke
Ojo
Oladipo
Nnadi
Uzoma
Amadi
Ogbu
Chukwu
Quaye
Tetteh
Darko
Acheampong
Sarpong
Adewale
Olatunji
";
