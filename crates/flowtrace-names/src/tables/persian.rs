//! Persian names: Iranian (Persian script) and Afghan (Dari and Pashto).

pub(crate) const IRAN_MALE: &str = "
Mohammad, Mohammed, Muhammad, Mohamad | محمد
Ali | علی
Hossein, Hosein, Hussein, Hosseyn, Husayn | حسین
Reza, Rida, Riza | رضا
Mahdi, Mehdi, Mehdy | مهدی
Amir, Ameer | امیر
Mohammadreza, Mohammad Reza, Mohammad-Reza, Mohamadreza | محمدرضا
Alireza, Ali Reza, Ali-Reza | علیرضا
Hamid, Hameed | حمید
Saeed, Said, Saeid, Sa'id | سعید
Majid, Majeed | مجید
Abbas | عباس
Javad, Jawad | جواد
Hassan, Hasan | حسن
Morteza, Mortaza, Murtaza | مرتضی
Mostafa, Mustafa | مصطفی
Ahmad, Ahmed | احمد
Mojtaba, Mujtaba | مجتبی
Ebrahim, Ibrahim | ابراهیم
Esmaeil, Esmail, Ismail, Esmaeel | اسماعیل
Omid, Omeed | امید
Babak | بابک
Dariush, Daryoush, Darioush | داریوش
Kourosh, Kurosh, Koorosh | کوروش
Arash | آرش
Farhad | فرهاد
Behnam | بهنام
Behrouz, Behrooz, Behruz | بهروز
Kaveh, Kave | کاوه
Siavash, Siavosh, Siyavash | سیاوش
Payam, Peyam | پیام
Navid, Naveed | نوید
Pouya, Puya, Pooya | پویا
Sina | سینا
Peyman, Payman | پیمان
Hamed | حامد
Vahid, Wahid | وحید
Masoud, Masood, Mas'ud, Massoud | مسعود
Mahmoud, Mahmood, Mahmud | محمود
Nima | نیما
Ramin | رامین
Shahram | شهرام
Kamran | کامران
Bijan, Bizhan | بیژن
Parviz, Parwiz | پرویز
Jamshid, Jamshed | جمشید
Fereydoun, Fereidoun, Fereydun | فریدون
Gholamreza, Gholam Reza, Ghulam Reza | غلامرضا
Abolfazl, Abol Fazl, Abulfazl | ابوالفضل
Ruhollah, Rouhollah, Ruhullah | روح الله
";

pub(crate) const IRAN_FEMALE: &str = "
Fatemeh, Fatima, Fatemah, Fateme | فاطمه
Zahra, Zahraa | زهرا
Maryam, Mariam | مریم
Masoumeh, Masumeh, Masoume | معصومه
Zeinab, Zaynab, Zainab | زینب
Sakineh, Sakina, Sakine | سکینه
Leila, Leyla, Layla | لیلا
Narges, Nargis | نرگس
Mahsa | مهسا
Parisa | پریسا
Shirin, Shireen | شیرین
Nasrin, Nasreen | نسرین
Azadeh, Azade | آزاده
Elham | الهام
Fariba | فریبا
Mina | مینا
Roya | رویا
Sara, Sarah | سارا
Niloufar, Niloofar, Nilufar | نیلوفر
Golnaz | گلناز
Samira | سمیرا
Somayeh, Somaye, Sumayya | سمیه
Marzieh, Marziyeh, Marzie | مرضیه
Tahereh, Tahere, Tahira | طاهره
Shabnam | شبنم
Nazanin | نازنین
Bahareh, Bahare | بهاره
Mahnaz | مهناز
Soheila, Soheyla, Suhaila | سهیلا
Farzaneh, Farzane, Farzana | فرزانه
Haleh, Hale | هاله
Neda | ندا
Yasaman, Yasamin | یاسمن
Ladan | لادن
Pegah | پگاه
Shiva | شیوا
Parvaneh, Parvane | پروانه
Forough, Forugh, Furugh | فروغ
Simin | سیمین
Azar | آذر
";

pub(crate) const IRAN_FAMILY: &str = "
Hosseini, Husseini, Hosseyni, Hoseini | حسینی
Mohammadi, Mohamadi, Muhammadi | محمدی
Ahmadi, Ahmedi | احمدی
Rezaei, Rezaee, Rezai, Rezaie | رضایی
Moradi, Muradi | مرادی
Karimi, Kareemi | کریمی
Jafari, Ja'fari, Jaafari | جعفری
Rahimi, Raheemi | رحیمی
Hashemi, Hashimi | هاشمی
Mousavi, Musavi, Moosavi | موسوی
Ghorbani, Qorbani, Gorbani | قربانی
Sadeghi, Sadeqi | صادقی
Heydari, Heidari, Haidari | حیدری
Kazemi, Kazimi | کاظمی
Rostami, Rustami | رستمی
Salehi, Salihi | صالحی
Zare, Zarei | زارع
Abbasi | عباسی
Sharifi, Shareefi | شریفی
Akbari | اکبری
Taheri, Tahiri | طاهری
Ebrahimi, Ibrahimi | ابراهیمی
Amini, Ameeni | امینی
Nouri, Noori, Nuri | نوری
Asadi | اسدی
Alizadeh, Alizade, Ali-Zadeh | علیزاده
Hosseinzadeh, Hoseinzadeh, Husseinzadeh | حسین‌زاده
Mirzaei, Mirzaee, Mirzai | میرزایی
Bagheri, Baqeri | باقری
Najafi | نجفی
Jalali | جلالی
Yousefi, Yusefi | یوسفی
Farahani | فراهانی
Tehrani | تهرانی
Esfahani, Isfahani | اصفهانی
Shirazi | شیرازی
Tabrizi | تبریزی
Rahmani | رحمانی
Ansari | انصاری
Soltani, Sultani | سلطانی
Kamali | کمالی
Azizi | عزیزی
Ghasemi, Qasemi, Ghassemi | قاسمی
Nazari | نظری
Khorasani | خراسانی
Golpour, Golpur | گلپور
Safavi | صفوی
Daneshvar | دانشور
";

pub(crate) const AFGHAN_MALE: &str = "
Mohammad, Muhammad, Mohammed | محمد
Ahmad, Ahmed | احمد
Abdul Rahim, Abdurrahim, Abd al-Rahim, Abdulrahim | عبدالرحیم
Abdul Qadir, Abdulqadir, Abdul Kadir | عبدالقادر
Abdul Wahid, Abdulwahid, Abd al-Wahid | عبدالواحد
Gul Agha, Gulagha | گل آغا
Rahmatullah, Rahmatollah, Rahmat Ullah | رحمت الله
Hekmatullah, Hikmatullah, Hekmatollah | حکمت الله
Habibullah, Habibollah, Habib Ullah | حبیب الله
Zabihullah, Zabiullah, Zabihollah | ذبیح الله
Naqibullah, Naqibollah, Nakibullah | نقیب الله
Amanullah, Amanollah, Aman Ullah | امان الله
Asadullah, Asadollah, Assadullah | اسدالله
Samiullah, Sami Ullah, Samiollah | سمیع الله
Noorullah, Nurullah, Nourollah | نورالله
Hayatullah, Hayatollah | حیات الله
Saifullah, Sayfullah, Seifollah | سیف الله
Obaidullah, Ubaidullah, Obaidollah | عبیدالله
Sher Ali, Sherali, Shir Ali | شیرعلی
Mirwais, Mirways, Mir Wais | میرویس
Wahid, Waheed, Vahid | وحید
Zalmai, Zalmay | زلمی
Khalid, Khaled | خالد
Naveed, Navid, Nawid | نوید
Jawad, Javad | جواد
Farid, Fareed | فرید
Nasir, Naseer, Nassir | نصیر
Bashir, Basheer | بشیر
Karim, Kareem | کریم
Najib, Najeeb, Nadjib | نجیب
Daud, Dawood, Daoud, Dawud | داود
Wali | ولی
Ismail, Esmail | اسماعیل
Yousuf, Yusuf, Yousef | یوسف
Fazal, Fazl, Fazel | فضل
Ghulam Rasul, Gholam Rasool, Ghulam Rasool | غلام رسول
Ghulam Nabi, Gholam Nabi | غلام نبی
Qadir, Kadir, Qader | قادر
Hamid, Hameed | حمید
Shafiq, Shafeeq | شفیق
Ajmal | اجمل
Jamil, Jameel | جمیل
Rahim, Raheem | رحیم
";

pub(crate) const AFGHAN_FEMALE: &str = "
Malalai, Malalay | ملالی
Zarghona, Zarghuna | زرغونه
Nazo | نازو
Gulalai, Gulalay | گلالی
Shabana | شبانه
Fawzia, Fauzia, Fowzia | فوزیه
Freshta, Fereshteh, Fereshta | فرشته
Farzana | فرزانه
Mariam, Maryam | مریم
Zahra | زهرا
Laila, Leila | لیلا
Nadia | نادیه
Marzia, Marziya | مرضیه
Sima | سیما
Zainab | زینب
Hasina, Haseena | حسینه
Shakila, Shakeela | شکیلا
Roya | رویا
Parwin, Parveen, Parvin | پروین
Nargis, Narges | نرگس
Soraya, Suraya, Sorayya | ثریا
Mina | مینا
Latifa, Lateefa | لطیفه
Mursal | مرسل
Wazhma, Wazhmah | وژمه
Palwasha | پلوشه
Rangina | رنگینه
Homa, Huma | هما
Sahar | سحر
Nilofar, Niloufar | نیلوفر
Habiba, Habeeba | حبیبه
Khadija | خدیجه
Aziza, Azeeza | عزیزه
Storai, Storay | ستوری
Mahbooba, Mahbuba | محبوبه
Najiba, Najeeba | نجیبه
Shukria, Shukriya | شکریه
Sediqa, Siddiqa | صدیقه
Gulnaz | گلناز
Tamana, Tamanna | تمنا
";

pub(crate) const AFGHAN_FAMILY: &str = "
Ahmadzai, Ahmedzai | احمدزی
Popalzai, Popalzay | پوپلزی
Barakzai, Barakzay | بارکزی
Noorzai, Nurzai | نورزی
Alokozai, Alkozai, Alikozai | الکوزی
Sherzad, Shirzad | شیرزاد
Stanikzai, Stanekzai | ستانکزی
Yousafzai, Yusufzai, Yousufzai | یوسفزی
Mohmand, Momand | مومند
Afridi | اپریدی
Shinwari, Shinwary | شینواری
Wardak, Wardag | وردک
Hotak, Hotaki | هوتک
Durrani, Durani | درانی
Kakar, Kakkar
Safi | صافی
Mangal | منگل
Jalali | جلالی
Hashimi, Hashemi | هاشمی
Rahimi | رحیمی
Karimi | کریمی
Sultani, Soltani | سلطانی
Amiri | امیری
Naseri, Nasiri | ناصری
Haidari, Heydari | حیدری
Rasuli, Rasouli | رسولی
Habibi | حبیبی
Azimi | عظیمی
Noori, Nouri | نوری
Samadi | صمدی
Waziri | وزیری
Khogyani, Khugiani | خوگیانی
Khan | خان
Tokhi | توخی
Niazi | نیازی
Sadat, Sadaat | سادات
Faizi, Fayzi | فیضی
Akbari | اکبری
Rezai, Rezaee | رضایی
Mohammadi, Muhammadi | محمدی
";
