//! East African names: Somali (given name, father's and grandfather's names; forms in
//! English-style spelling, then the Somali orthography with `x` for ḥ and `c` for ʿayn) and
//! Swahili-coast/Kenyan names.

pub(crate) const SOMALI_MALE: &str = "
Mohamed, Maxamed, Mohammed, Muhammad
Abdi, Cabdi
Ahmed, Axmed, Ahmad
Ali, Cali
Hassan, Xasan, Hasan
Hussein, Xuseen, Husein
Abdullahi, Cabdullaahi, Abdilahi
Abdirahman, Cabdiraxmaan, Abdurahman
Abdirashid, Cabdirashiid
Abdikadir, Cabdiqaadir, Abdulkadir
Osman, Cismaan
Omar, Cumar
Yusuf, Yuusuf
Ibrahim, Ibraahim
Ismail, Ismaaciil
Farah, Faarax
Aden, Aadan, Adan
Mahamud, Maxamuud, Mohamoud
Hashi, Xaashi
Warsame, Warsama
Jama, Jaamac
Nur, Nuur, Noor
Abdiaziz, Cabdicasiis
Said, Saciid
Mukhtar, Mukhtaar
Bashir, Bashiir
Dahir, Daahir
Elmi, Cilmi
Shire, Shirre
Guled, Guuleed
Hirsi, Xirsi
Musa, Muuse
Abdiwali, Cabdiwali
Mahad
Sharmarke, Sharmaarke
Gedi, Geedi
Duale, Dualeh, Ducaale
Egal, Cigaal
Awale, Cawaale
Khalif, Khaliif
Abdisalam, Cabdisalaan
Ayanle
Dirie, Diiriye
Samatar
Barre
";

pub(crate) const SOMALI_FEMALE: &str = "
Fadumo, Faadumo, Fatuma
Amina, Aamina
Halima, Xaliimo
Hodan
Asha, Caasha
Khadija, Khadiija, Hadija
Sahra, Sahro
Hawa, Xaawo
Maryan, Maryam
Ifrah, Ifraax
Nimco, Nimo
Ayan, Ayaan
Safia, Saafiya
Ubah, Ubax
Deqa, Deeqa
Sagal
Ladan
Faiza, Faa'iso, Faisa
Hamdi
Ikran, Ikraan
Muna
Suad, Sucaad
Zamzam
Ruqia, Ruqiyo
Ilhan, Ilhaan
Anisa
Hibaq, Hibaaq
Idil
Farhiya, Farxiyo
Naima, Nacima
Shukri
Filsan
Ardo
Nasra, Nasro
Kowsar, Kawsar
Bilan
Hafsa, Xafsa
Sucdi, Suudi
Istar
Hani
";

pub(crate) const SWAHILI_MALE: &str = "
John
Peter
James
Joseph
David
Daniel
Samuel
Paul
Francis
Stephen
Juma
Hamisi, Hamis
Bakari
Rashidi
Omari
Athumani, Athman
Abdallah, Abdalla
Salim
Mwinyi
Kassim, Kasimu
Hassani
Ali
Mohamed
Swaleh, Saleh
Shabani
Ramadhani
Iddi, Idi
Musa
George
Charles
";

pub(crate) const SWAHILI_FEMALE: &str = "
Mary
Grace
Faith
Mercy
Esther
Ann
Jane
Lucy
Mwanaisha
Zawadi
Neema
Rehema
Amina
Halima
Mwajuma
Fatuma
Saida
Asha
Wanjiru
Achieng
Atieno
Akinyi
Njeri
Wambui
Mwanajuma
";

pub(crate) const SWAHILI_FAMILY: &str = "
Kamau
Otieno
Odhiambo
Mwangi
Njoroge
Kiprop
Mutua
Ochieng
Omondi
Wafula
Barasa
Juma
Hamisi
Bakari
Said
Salim
Ali
Athumani
Mwinyi
Swaleh
Kariuki
Maina
Waweru
Kimani
Onyango
Wanyama
Cheruiyot
Kibet
Korir
Rotich
Mohamed
Abdalla
Omar
Mbwana
Kombo
Mazrui
Shee
Chande
Mwakilema
Nyambura
";
