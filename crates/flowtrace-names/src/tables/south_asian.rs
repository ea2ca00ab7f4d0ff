//! South Asian names: Urdu (Pakistani and other South Asian Muslim names) and Hindi.

pub(crate) const URDU_MALE: &str = "
Muhammad, Mohammad, Muhammed, Mohammed, Mohd, Md
Ali
Ahmed, Ahmad
Hassan, Hasan
Hussain, Husain, Hussein, Hossain
Imran, Imraan
Asif, Aasif
Tariq, Tarik, Tarique
Kashif
Faisal, Faysal
Adnan
Shahid, Shahed
Zahid
Khalid, Khaled
Naveed, Navid
Irfan
Bilal
Usman, Osman, Uthman
Umar, Umer, Omar
Hamza, Hamzah
Junaid
Waqas, Waqqas
Fahad, Fahd
Saad
Asad
Rizwan, Ridwan
Sajid
Amjad
Arshad
Javed, Javaid, Jawed
Nadeem, Nadim
Rashid, Rasheed
Waseem, Wasim
Zubair, Zubayr
Shoaib, Shuaib
Yasir, Yasser, Yaser
Aamir, Amir, Aamer
Abdul Rehman, Abdur Rehman, Abdul Rahman, Abdulrehman
Abdul Ghaffar, Abdul Gaffar, Abdulghaffar
Ghulam Mustafa, Gulam Mustafa
Sohail, Suhail, Sohel
Mansoor, Mansur, Mansour
Noman, Nauman, Numan
Farhan
Danish
Atif
Babar, Babur
Shahzad, Shehzad
Iqbal, Ikbal
Ijaz, Ejaz, Aijaz
Mushtaq
Nasir, Naseer
Tahir, Taher
Zeeshan, Zishan
Ehsan, Ahsan, Ihsan
";

pub(crate) const URDU_FEMALE: &str = "
Fatima, Fatimah, Fatma
Ayesha, Aisha, Aysha
Zainab, Zaynab
Maryam, Mariam
Sana
Hina
Amna, Aamna
Sadia, Saadia
Saima
Nazia
Rabia, Rabiya
Asma, Asmaa
Samina, Sameena
Shazia
Farah
Uzma
Nadia
Kiran
Sobia
Mehwish
Bushra
Rubina, Robina
Shabana
Naila, Nayla
Iqra
Aqsa
Mahnoor
Hira
Javeria, Javeriya
Saba
Nasreen, Nasrin
Tahira
Rukhsana
Shaista
Lubna
Humaira, Humera
Sumaira
Ambreen
Farzana
Noreen
Yasmin, Yasmeen
Parveen, Perveen, Parvin
Zubaida
Anam
Sidra
";

pub(crate) const URDU_FAMILY: &str = "
Khan
Ahmed, Ahmad
Ali
Hussain, Husain, Hussein, Hossain
Malik
Butt, Bhatt
Chaudhry, Chaudhary, Choudhry, Chowdhury, Chaudhri
Sheikh, Shaikh, Shaykh
Qureshi, Qureishi, Kureshi
Siddiqui, Siddiqi, Siddiki
Raja
Mirza
Shah
Syed, Sayed, Sayyid
Bhatti
Awan
Rana
Javed, Javaid
Iqbal
Aslam
Akhtar, Akhter
Abbasi
Baig, Beg
Gill
Cheema
Khokhar
Memon, Meman
Ansari
Hashmi, Hashimi
Rizvi, Rizwi
Naqvi, Naqavi
Jafri, Jafry, Jaffery
Zaidi
Kazmi, Kazimi
Gilani, Gillani
Bukhari
Niazi
Khattak
Mughal, Moghal
Janjua
Dar
Lone
Mir
Wani
Rehman, Rahman
Anwar
Aziz
Nawaz
Mehmood, Mahmood, Mahmud
Latif, Lateef
Saleem, Salim
";

pub(crate) const URDU_FEMALE_TITLE: &str = "
Bibi
Begum, Begam
Khatoon, Khatun
Kausar, Kauser
";

pub(crate) const HINDI_MALE: &str = "
Rahul
Amit
Rajesh
Suresh
Ramesh
Sunil
Anil
Vijay, Vijai
Sanjay, Sanjai
Ajay
Manoj
Deepak, Dipak
Ravi
Arun
Ashok, Asok
Vinod
Rakesh
Mukesh
Prakash
Dinesh
Santosh
Naveen, Navin
Vikas
Pradeep, Pradip
Rohit
Ankit
Sachin
Gaurav
Arjun
Karan
Vikram
Nikhil
Aditya, Aaditya
Abhishek
Pankaj
Rajendra, Rajinder, Rajender
Mahesh
Ganesh
Krishna, Krishan, Kishan
Srinivas, Shrinivas, Sreenivas
Venkatesh
Harish
Sandeep, Sandip
Anand
";

pub(crate) const HINDI_FEMALE: &str = "
Priya
Pooja, Puja
Anjali
Neha
Sunita
Anita
Kavita, Kavitha
Meena, Mina
Rekha
Geeta, Gita
Seema, Sima
Asha
Usha
Lakshmi, Laxmi
Deepa, Dipa
Divya
Shweta, Sweta
Swati
Nisha
Ritu
Jyoti, Jyothi
Manju
Rani
Sarita
Savita
Suman
Kiran
Sneha
Shreya
Aarti, Arti, Aarthi
Radha
Sita, Seeta
Lata
Nirmala
Kamala
Shanti, Shanthi
Padma
Rashmi
Vandana
Preeti, Priti
";

pub(crate) const HINDI_FAMILY: &str = "
Sharma
Verma
Gupta
Singh
Kumar
Patel
Shah
Mehta
Joshi
Agarwal, Aggarwal, Agrawal
Jain
Reddy
Rao
Nair
Iyer, Aiyar
Pillai
Menon
Das
Banerjee, Bannerjee, Banerji
Chatterjee, Chatterji
Mukherjee, Mukherji
Ghosh
Bose, Basu
Sen
Chopra
Kapoor, Kapur
Malhotra
Khanna
Bhatia
Sethi
Yadav
Mishra, Misra
Pandey, Pande
Tiwari, Tiwary
Dubey, Dube
Srivastava, Shrivastava
Saxena
Chauhan
Thakur
Desai
Naidu
Kulkarni
Deshpande
Patil
Pawar
";

pub(crate) const HINDI_MIDDLE_MALE: &str = "
Kumar
Prasad
Lal
Nath
Chand
";

pub(crate) const HINDI_MIDDLE_FEMALE: &str = "
Kumari
Devi
Rani
Bai
";
