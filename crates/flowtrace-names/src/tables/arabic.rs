//! Arabic names.
//!
//! Given names are styled: the first five forms are the spellings of the scholarly
//! romanisation, the Gulf/Iraqi English convention, the Levant, Egypt and the French-influenced
//! Maghreb, in that order; further forms are other spellings met in records. Family names are
//! per region; `al~` marks the article, which each culture writes its own way.

pub(crate) const MALE: &str = "
Muhammad, Mohammed, Mohammad, Mohamed, Mohamed, Muhammed, Mohamad, Muhamad, Mohd, Mouhamed, Mehmet | محمد
Ahmad, Ahmed, Ahmad, Ahmed, Ahmed, Ahmet, Ahmd | أحمد
Ali, Ali, Ali, Ali, Ali, Aly | علي
Abdullah, Abdullah, Abdallah, Abdallah, Abdellah, Abd Allah, Abdulla, Abdalla | عبد الله
Abd al-Rahman, Abdulrahman, Abdel Rahman, Abdelrahman, Abderrahmane, Abdul Rahman, Abdurrahman, Abd ar-Rahman, Abdul Rehman | عبد الرحمن
Umar, Omar, Omar, Omar, Omar, Omer, Umer, Oumar | عمر
Khalid, Khalid, Khaled, Khaled, Khaled, Halid, Khaleed | خالد
Hasan, Hassan, Hassan, Hassan, Hassan, Hassen, Hasen | حسن
Husayn, Hussain, Hussein, Hussein, Houcine, Husain, Husein, Hussien, Houssein, Hossein | حسين
Ibrahim, Ibrahim, Ibrahim, Ibrahim, Brahim, Ebrahim, Ibraheem | إبراهيم
Yusuf, Yousef, Yousef, Youssef, Youssef, Yousif, Yusef, Youssouf, Yousuf | يوسف
Mahmud, Mahmoud, Mahmoud, Mahmoud, Mahmoud, Mahmood | محمود
Mustafa, Mustafa, Mustafa, Mostafa, Mustapha, Moustafa, Mostapha, Moustapha | مصطفى
Abd al-Aziz, Abdulaziz, Abdel Aziz, Abdelaziz, Abdelaziz, Abdul Aziz, Abd al-'Aziz | عبد العزيز
Sa'id, Saeed, Said, Saeed, Said, Saied, Sayid | سعيد
Faysal, Faisal, Faisal, Faisal, Faycal, Feisal, Fayçal | فيصل
Sulayman, Sulaiman, Suleiman, Soliman, Slimane, Suleyman, Sleiman, Solaiman | سليمان
Isma'il, Ismail, Ismail, Ismail, Smail, Ismael, Esmail, Ismaeel | إسماعيل
Yasin, Yaseen, Yassin, Yassin, Yassine, Yacine | ياسين
Tariq, Tariq, Tarek, Tarek, Tarik, Tareq | طارق
Hamza, Hamza, Hamzeh, Hamza, Hamza, Hamzah | حمزة
Bilal, Bilal, Bilal, Belal, Bilal | بلال
Nasir, Nasser, Nasser, Nasser, Nacer, Naser, Nassir | ناصر
Jamal, Jamal, Jamal, Gamal, Djamel, Jamel | جمال
Karim, Kareem, Karim, Karim, Karim, Kerim | كريم
Adil, Adel, Adel, Adel, Adel, 'Adil | عادل
Walid, Waleed, Walid, Walid, Oualid | وليد
Rashid, Rashid, Rashed, Rashed, Rachid, Rasheed, Rached | راشد
Salih, Saleh, Saleh, Saleh, Saleh, Salih | صالح
Salah al-Din, Salahuddin, Salah Eddin, Salah El Din, Salaheddine, Salah ad-Din | صلاح الدين
Nur al-Din, Nooruddin, Nour Eddin, Nour El Din, Noureddine, Nur ad-Din, Nuruddin | نور الدين
Sayf, Saif, Saif, Seif, Seif | سيف
Anas, Anas, Anas, Anas, Anas, Anes | أنس
Usama, Osama, Osama, Osama, Oussama, Usamah | أسامة
Ziyad, Ziyad, Ziad, Ziad, Ziad, Zyad | زياد
Majid, Majed, Majed, Maged, Majid, Majeed | ماجد
Hamid, Hamed, Hamed, Hamed, Hamid | حامد
Abd al-Qadir, Abdulqader, Abdel Qader, Abdel Kader, Abdelkader, Abdul Qadir, Abdulkadir | عبد القادر
Jabir, Jaber, Jaber, Gaber, Jaber, Djaber | جابر
Qasim, Qasim, Kassem, Kassem, Kacem, Qassim, Kasim, Qassem, Gasim, Kasem | قاسم
Muhannad, Muhannad, Mohannad, Mohanad, Mohanned | مهند
Harun, Haroun, Haroun, Haroun, Haroun, Haroon | هارون
Idris, Idris, Idriss, Idris, Driss, Idrees | إدريس
Murad, Murad, Mourad, Mourad, Mourad | مراد
Amir, Ameer, Amir, Amir, Amir | أمير
Badr, Bader, Badr, Badr, Badr, Badre | بدر
Fahd, Fahad, Fahd, Fahd, Fahd | فهد
Sultan, Sultan, Sultan, Soltan, Soltane | سلطان
Musa, Musa, Moussa, Moussa, Moussa, Mousa | موسى
Isa, Eisa, Issa, Eissa, Aissa, Essa | عيسى
Yahya, Yahya, Yahya, Yehia, Yahia, Yehya | يحيى
Zakariya, Zakariya, Zakaria, Zakaria, Zakaria, Zakariyya | زكريا
Ayman, Ayman, Ayman, Ayman, Aymen, Aiman | أيمن
Hisham, Hisham, Hisham, Hesham, Hichem, Hicham | هشام
Mansur, Mansour, Mansour, Mansour, Mansour, Mansoor | منصور
Habib, Habib, Habib, Habib, Habib, Habeeb | حبيب
Abu Bakr, Abu Bakr, Abu Bakr, Abu Bakr, Boubaker, Abubakar, Abu Bakar, Aboubakr | أبو بكر
Uthman, Othman, Othman, Osman, Othmane, Usman | عثمان
Abd al-Karim, Abdulkarim, Abdel Karim, Abdel Karim, Abdelkrim, Abdul Karim | عبد الكريم
Hadi, Hadi, Hadi, Hady, Hadi | هادي
";

pub(crate) const FEMALE: &str = "
Fatima, Fatima, Fatima, Fatma, Fatima, Fatimah | فاطمة
A'isha, Aisha, Aisha, Aisha, Aicha, Aysha, Ayesha | عائشة
Maryam, Maryam, Mariam, Mariam, Meriem, Myriam | مريم
Khadija, Khadija, Khadija, Khadiga, Khadija, Khadijah, Khadidja | خديجة
Zaynab, Zainab, Zeinab, Zeinab, Zineb | زينب
Amina, Amina, Amina, Amina, Amina, Aminah, Ameena | أمينة
Nur, Noor, Nour, Nour, Nour | نور
Layla, Laila, Layla, Leila, Leila, Leyla | ليلى
Sara, Sara, Sarah, Sara, Sarah | سارة
Huda, Huda, Houda, Hoda, Houda | هدى
Asma', Asma, Asma, Asmaa, Asma | أسماء
Rania, Rania, Rania, Rania, Rania, Raniya | رانيا
Dina, Dina, Dina, Dina, Dina, Deena | دينا
Salma, Salma, Salma, Salma, Salma, Selma | سلمى
Yasmin, Yasmeen, Yasmine, Yasmin, Yasmine | ياسمين
Nadia, Nadia, Nadia, Nadia, Nadia, Nadiya | نادية
Rim, Reem, Reem, Reem, Rim | ريم
Lina, Lina, Lina, Lina, Lina, Leena | لينا
Muna, Mona, Mona, Mona, Mouna | منى
Samira, Samira, Samira, Samira, Samira, Sameera | سميرة
Hind, Hind, Hind, Hend, Hind | هند
Rana, Rana, Rana, Rana, Rana | رنا
Jamila, Jamila, Jamila, Gamila, Djamila, Jameela | جميلة
Latifa, Latifa, Latifa, Latifa, Latifa, Latifah, Lateefa | لطيفة
Sumayya, Sumaya, Sumaya, Somaya, Soumaya, Sumayyah | سمية
Ruqayya, Ruqaya, Roqaya, Roqaya, Rokaya, Ruqayyah | رقية
Hafsa, Hafsa, Hafsa, Hafsa, Hafsa, Hafsah | حفصة
Halima, Halima, Halima, Halima, Halima, Haleema, Halimah | حليمة
Nawal, Nawal, Nawal, Nawal, Naoual | نوال
Iman, Eman, Iman, Eman, Imane | إيمان
Ghada, Ghada, Ghada, Ghada, Ghada | غادة
Su'ad, Suad, Souad, Soad, Souad | سعاد
Najat, Najat, Najat, Nagat, Najat, Najet | نجاة
Karima, Karima, Karima, Karima, Karima, Kareema | كريمة
Malak, Malak, Malak, Malak, Malak | ملك
Hiba, Hiba, Hiba, Heba, Hiba | هبة
Dalia, Dalia, Dalia, Dalia, Dalia, Dalya | داليا
Rahma, Rahma, Rahma, Rahma, Rahma, Rahmah | رحمة
Amal, Amal, Amal, Amal, Amel | أمل
Safiya, Safiya, Safia, Safeya, Safia, Safiyyah | صفية
Zahra', Zahra, Zahraa, Zahraa, Zohra | زهراء
Aya, Aya, Aya, Aya, Aya, Ayah | آية
Shayma', Shaima, Shaimaa, Shaimaa, Chaima, Shaymaa | شيماء
Hanan, Hanan, Hanan, Hanan, Hanane | حنان
Widad, Widad, Widad, Wedad, Ouidad | وداد
";

pub(crate) const GULF_FAMILY: &str = "
al~Qahtani, Kahtani | قحطاني
al~Otaibi, Utaybi, Oteibi | عتيبي
al~Dosari, Dawsari, Dossary, Dosary | دوسري
al~Shamsi | شامسي
al~Mansouri, Mansuri | منصوري
al~Nuaimi, Nuaymi, Noaimi | نعيمي
al~Mazrouei, Mazrui, Mazroui | مزروعي
al~Ketbi, Kitbi | كتبي
al~Harbi | حربي
al~Ghamdi | غامدي
al~Zahrani | زهراني
al~Shehri, Shihri | شهري
al~Mutairi, Mutayri, Mutairy | مطيري
al~Anazi, Anizi, Enezi, Anezi | عنزي
al~Shammari, Shamari | شمري
al~Subaie, Subai, Subaey | سبيعي
al~Marri | مري
al~Kuwari | كواري
al~Hajri | هاجري
al~Yami | يامي
al~Balushi, Baloushi, Bloushi | بلوشي
al~Hashimi, Hashemi, Hashmi | هاشمي
al~Rumaithi, Rumaythi | رميثي
al~Suwaidi, Suwaydi, Sowaidi | سويدي
al~Falasi | فلاسي
al~Muhairi, Mheiri, Muhayri | مهيري
al~Kaabi, Ka'bi | كعبي
al~Dhaheri, Daheri, Zaheri | ظاهري
al~Amri, Amry | عمري
al~Malki, Maliki | مالكي
al~Jaber, Jabir | جابر
al~Asiri, Aseeri | عسيري
al~Juhani | جهني
al~Rashidi, Rasheedi | رشيدي
al~Qurashi, Qureshi | قرشي
al~Tamimi | تميمي
al~Sulaiti, Sulaity | سليطي
al~Khalidi | خالدي
al~Ajmi, Ajami | عجمي
al~Harthi | حارثي
al~Shaibani, Shibani | شيباني
al~Hammadi | حمادي
al~Saadi, Sa'di | سعدي
";

pub(crate) const LEVANT_FAMILY: &str = "
Haddad | حداد
Khoury, Khouri, Khuri | خوري
Nasser, Naser, Nassar | ناصر
Hamdan | حمدان
Darwish, Darweesh, Derwich | درويش
Saleh, Salih | صالح
Khalil, Khaleel | خليل
Issa, Eissa, Isa | عيسى
Odeh, Awdeh, Oudeh, Audeh | عودة
Hijazi, Hejazi, Higazi | حجازي
al~Masri, Masry | مصري
al~Shami, Chami | شامي
al~Halabi, Halaby | حلبي
al~Zoubi, Zu'bi, Zubi | زعبي
Ayoub, Ayyub, Ayub | أيوب
Yassin, Yasin, Yaseen | ياسين
Awad, Awwad | عوض
Qassem, Kassem, Qasim | قاسم
Sabbagh, Sabagh | صباغ
Najjar, Nadjar, Najar | نجار
Attar, Atar | عطار
Khatib, Khateeb | خطيب
al~Tamimi | تميمي
Jaber, Jabir | جابر
Shehadeh, Shehadah, Chehade, Shihada | شحادة
Abu Khalil, Abou Khalil, Abu-Khalil, Aboukhalil | أبو خليل
Abu Zeid, Abou Zeid, Abu Zaid | أبو زيد
Hassoun, Hassun | حسون
Mousa, Musa, Moussa | موسى
al~Rifai, Rifa'i, Refai | رفاعي
al~Kurdi | كردي
Hammoud, Hamoud, Hamud | حمود
al~Nabulsi, Nabulsy | نابلسي
al~Jabari, Ja'bari | جعبري
Karam | كرم
Fares, Faris | فارس
Haidar, Haydar, Hyder | حيدر
Zein, Zain | زين
Sleiman, Suleiman, Sulayman | سليمان
Daher, Dahir | ظاهر
Barakat | بركات
Mansour, Mansur | منصور
Saad, Sa'd | سعد
Habib | حبيب
";

pub(crate) const IRAQ_FAMILY: &str = "
al~Dulaimi, Dulaymi, Duleimi | دليمي
al~Jubouri, Jabouri, Juburi, Jubori | جبوري
al~Obeidi, Ubaydi, Obaidi | عبيدي
al~Ani, 'Ani | عاني
al~Rawi | راوي
al~Janabi | جنابي
al~Kubaisi, Kubaysi, Qubaisi | كبيسي
al~Shammari, Shamari | شمري
al~Zubaidi, Zubaydi | زبيدي
al~Tamimi | تميمي
al~Hashimi, Hashemi | هاشمي
al~Saadi, Sa'di | سعدي
al~Khafaji | خفاجي
al~Bayati | بياتي
al~Ameri, Amiri | عامري
al~Husseini, Husayni, Hussaini | حسيني
al~Musawi, Mousawi, Moussawi | موسوي
al~Hakim | حكيم
al~Maliki | مالكي
al~Azzawi, Azawi | عزاوي
al~Samarrai, Samarra'i | سامرائي
al~Mosuli, Mawsili, Mousli | موصلي
al~Hadithi | حديثي
al~Karbouli, Karbuli | كربولي
al~Mashhadani | مشهداني
al~Issawi, Isawi | عيساوي
al~Fahdawi | فهداوي
al~Alwani | علواني
al~Lami | لامي
al~Sudani | سوداني
al~Hilli | حلي
al~Najafi | نجفي
al~Basri | بصري
al~Kadhimi, Kazimi, Kathimi | كاظمي
al~Saffar | صفار
al~Yasiri, Yassiri | ياسري
al~Ta'i, Tai | طائي
al~Khazraji | خزرجي
al~Rubaie, Rubai'i, Rubaiy | ربيعي
al~Bahadli | بهادلي
";

pub(crate) const EGYPT_FAMILY: &str = "
al~Sayed, Sayyid | سيد
Mahmoud, Mahmud | محمود
Mostafa, Mustafa | مصطفى
Ibrahim | إبراهيم
Hassan, Hasan | حسن
Abdel Fattah, Abd al-Fattah, Abdul Fattah | عبد الفتاح
Abdel Hamid, Abd al-Hamid, Abdul Hamid | عبد الحميد
Abdel Moneim, Abd al-Mun'im, Abdul Munim | عبد المنعم
Fahmy, Fahmi | فهمي
Hegazy, Hijazi | حجازي
Soliman, Suleiman | سليمان
Shehata, Shahata | شحاتة
Ragab, Rajab | رجب
Zaki, Zaky | زكي
Fawzy, Fawzi | فوزي
Helmy, Hilmi | حلمي
Gaber, Jaber | جابر
Ezzat, Izzat | عزت
Farouk, Farouq, Faruq | فاروق
Mansour, Mansur | منصور
al~Sharkawy, Sharqawi, Charkaoui | شرقاوي
al~Masry, Masri | مصري
Ghoneim, Ghunaym, Ghonim | غنيم
Metwally, Mitwalli, Metwalli | متولي
Radwan, Ridwan | رضوان
Badawi, Badawy | بدوي
Hamdy, Hamdi | حمدي
Youssef, Yusuf | يوسف
Saad, Sa'd | سعد
Abdallah, Abdullah | عبد الله
Ashour, Ashur | عاشور
Sabry, Sabri | صبري
Tawfik, Tawfiq, Toufik | توفيق
Khalifa, Khalifah | خليفة
Samir, Sameer | سمير
Salem, Salim | سالم
Nasr, Nassr | نصر
Hafez, Hafiz | حافظ
Shawky, Shawqi | شوقي
al~Gohary, Gawhari, Jawhari | جوهري
al~Naggar, Najjar | نجار
";

pub(crate) const MAGHREB_FAMILY: &str = "
Ben Ali, Benali, Ben-Ali, Bin Ali | بن علي
Ben Salah, Bensalah, Ben Saleh | بن صالح
Belkacem, Belkassem | بلقاسم
Bouazza, Bou Azza | بوعزة
Cherif, Chérif, Sharif | شريف
al~Mansouri, Mansuri | منصوري
Haddad, Hadad | حداد
Bouzid, Bou Zid | بوزيد
al~Amrani | عمراني
al~Idrissi, Idrisi, Drissi | إدريسي
al~Alaoui, Alawi | علوي
Tazi | تازي
Bennani | بناني
Berrada | برادة
Chraibi, Shraybi | شرايبي
Benjelloun, Ben Jelloun | بنجلون
al~Fassi, Fasi | فاسي
Slimani, Sulaymani | سليماني
Ouali, Wali | والي
Zerrouki, Zarruqi | زروقي
Hamidi, Hamidy | حميدي
Belhadj, Bel Hadj, Belhaj | بلحاج
Boudiaf, Bou Diaf | بوضياف
Meziane, Mezian | مزيان
Saidi, Sa'idi, Saydi | سعيدي
Khelifi, Khalifi | خليفي
Brahimi, Ibrahimi | براهيمي
Benmoussa, Ben Moussa | بن موسى
Lahlou | لحلو
Kettani, Kattani | كتاني
Ziani, Zayani | زياني
Bakkali, Baqqali | بقالي
Naciri, Nasiri | ناصري
Rahmouni, Rahmuni | رحموني
Dahmani, Dahmane | دحماني
Trabelsi, Tarabulsi | طرابلسي
Jebali, Jbali, Djebali, Jabali | جبالي
Gharbi, Rharbi | غربي
Mejri, Majri | ماجري
Hammami, Hamami | حمامي
Ayari, Ayyari | عياري
Chebbi, Shabbi | شابي
al~Boukhari, Bukhari | بخاري
Touati, Tuati | تواتي
Benyoussef, Ben Youssef | بن يوسف
";
