//! Central Asian names in the Russian-language form they take in passports and bank records:
//! Uzbek and Tajik, Kazakh, and Chechen/Dagestani. Patronymic stems are derived by rule
//! (`Rustam` -> `Rustamov-`, `Musa` -> `Musayev-`) unless given after `;`.

pub(crate) const UZBEK_MALE: &str = "
Alisher | Алишер
Rustam | Рустам
Bakhtiyor, Bakhtiyar, Baxtiyor | Бахтиёр
Shavkat, Shawkat | Шавкат
Dilshod, Dilshad | Дилшод
Jahongir, Jakhongir, Dzhakhongir, Jahangir | Джахонгир
Sardor, Sardar | Сардор
Otabek, Atabek | Отабек
Farrukh, Farukh, Farrux | Фаррух
Ulugbek, Ulughbek, Ulug'bek | Улугбек
Timur, Temur | Тимур
Sherzod, Sherzad | Шерзод
Jamshid, Dzhamshid, Jamshed | Джамшид
Akmal | Акмал
Bobur, Babur | Бобур
Islom, Islam | Ислом
Firdavs, Firdaus | Фирдавс
Davron, Davran | Даврон
Faridun | Фаридун
Khurshed, Khurshid, Xurshid | Хуршед
Parviz, Parwiz | Парвиз
Anvar, Anwar | Анвар
Aziz | Азиз
Bekzod, Bekzad | Бекзод
Shukhrat, Shuhrat, Shuxrat | Шухрат
Ravshan, Rawshan | Равшан
Oybek, Aybek | Ойбек
Abdulaziz, Abdul Aziz | Абдулазиз
Abdurakhmon, Abdurahmon, Abdurakhman | Абдурахмон
Jasur, Dzhasur | Жасур
Sanjar, Sanzhar | Санжар
Nodir, Nadir | Нодир
Umid | Умид
Doniyor, Daniyar | Дониёр
Mirzo, Mirza | Мирзо
Rahmon, Rakhmon | Рахмон
";

pub(crate) const UZBEK_FEMALE: &str = "
Dilnoza, Dilnaza | Дилноза
Gulnora, Gulnara | Гулнора
Nodira, Nadira | Нодира
Malika | Малика
Shahnoza, Shakhnoza | Шахноза
Feruza, Firuza | Феруза
Zarina | Зарина
Nilufar, Niloufar | Нилуфар
Madina | Мадина
Mohira, Mokhira | Мохира
Sevara | Севара
Gulshan | Гулшан
Dilbar | Дилбар
Mavluda, Mavlyuda | Мавлюда
Munisa | Муниса
Sabina | Сабина
Kamila | Камила
Laylo, Layla | Лайло
Zebo | Зебо
Parvina | Парвина
Tahmina, Takhmina | Тахмина
Nargiza | Наргиза
Khurshida, Xurshida | Хуршида
Dildora | Дилдора
Gulchehra, Gulchekhra | Гулчехра
Umida | Умида
Barno | Барно
Nigora, Nigara | Нигора
Saodat | Саодат
Shoira | Шоира
";

pub(crate) const UZBEK_FAMILY: &str = "
Karimov | Каримов
Rashidov | Рашидов
Yusupov, Yusupow, Yusufov | Юсупов
Nazarov | Назаров
Rakhimov, Rahimov, Raximov | Рахимов
Abdullayev, Abdullaev, Abdulloev | Абдуллаев
Mirzayev, Mirzaev | Мирзаев
Usmonov, Usmanov | Усмонов
Nurmatov | Нурматов
Ergashev, Ergashov | Эргашев
Tursunov | Турсунов
Sultanov | Султанов
Khodjayev, Khojaev, Khodzhaev | Ходжаев
Ismoilov, Ismailov | Исмоилов
Saidov | Саидов
Rahmonov, Rakhmonov, Rahmanov | Рахмонов
Sharipov, Sharifov | Шарипов
Kholmatov, Holmatov | Холматов
Rahmonzoda, Rakhmonzoda | Рахмонзода
Saidzoda | Саидзода
Salimov | Салимов
Bakirov | Бакиров
Makhmudov, Mahmudov | Махмудов
Kodirov, Qodirov, Kadirov | Кодиров
Aminov | Аминов
Alimov | Алимов
Yuldashev, Yuldoshev | Юлдашев
Toshmatov, Tashmatov | Тошматов
Normatov | Норматов
Safarov | Сафаров
Davlatov | Давлатов
Nematov, Ne'matov | Нематов
Boboyev, Boboev | Бобоев
Sodikov, Sadykov | Содиков
Hamidov, Khamidov | Хамидов
";

pub(crate) const KAZAKH_MALE: &str = "
Nurlan | Нурлан
Yerlan, Erlan | Ерлан
Askar, Asqar | Аскар
Daniyar, Daniiar | Данияр
Serik | Серик
Bauyrzhan, Baurzhan, Bauirjan | Бауыржан
Marat | Марат
Azamat | Азамат
Aidos, Aydos | Айдос
Arman | Арман
Yerzhan, Erzhan | Ержан
Kairat, Kayrat | Кайрат
Dauren | Даурен
Bolat, Bulat | Болат
Berik | Берик
Talgat | Талгат
Asylbek | Асылбек
Almas | Алмас
Zhandos, Jandos | Жандос
Aibek, Aybek | Айбек
Nurbol | Нурбол
Yerbol, Erbol | Ербол
Sanzhar, Sanjar | Санжар
Alibek | Алибек
Miras | Мирас
";

pub(crate) const KAZAKH_FEMALE: &str = "
Aigerim, Aygerim | Айгерим
Dinara | Динара
Aliya, Aliia | Алия
Asel, Assel | Асель
Saule | Сауле
Aizhan, Ayzhan, Aijan | Айжан
Zhuldyz, Juldyz | Жулдыз
Ainur, Aynur | Айнур
Gulnara | Гульнара
Aruzhan, Arujan | Аружан
Dana | Дана
Madina | Мадина
Kamila | Камила
Akmaral | Акмарал
Gulmira | Гульмира
Saltanat | Салтанат
Zarina | Зарина
Botagoz | Ботагоз
Ainura, Aynura | Айнура
Meruyert, Meruert | Меруерт
Togzhan | Тогжан
Dariga | Дарига
Zhanar | Жанар
Aisulu | Айсулу
Gaukhar, Gauhar | Гаухар
";

pub(crate) const KAZAKH_FAMILY: &str = "
Suleimenov, Suleymenov, Sulejmenov | Сулейменов
Akhmetov, Ahmetov | Ахметов
Omarov | Омаров
Zhakupov, Jakupov | Жакупов
Iskakov | Искаков
Abenov | Абенов
Nurpeisov | Нурпеисов
Bekov | Беков
Sadykov, Sadikov | Садыков
Tokhtarov, Tokhtarov | Тохтаров
Zhumabayev, Zhumabaev, Jumabayev | Жумабаев
Baimukhamedov, Baymukhamedov | Баймухамедов
Kassymov, Kasymov | Касымов
Abdrakhmanov, Abdrahmanov | Абдрахманов
Ospanov | Оспанов
Ibrayev, Ibraev | Ибраев
Sarsenbayev, Sarsenbaev | Сарсенбаев
Yessenov, Esenov | Есенов
Kenzhebekov, Kenjebekov | Кенжебеков
Amanov | Аманов
Seitkali, Seytkali | Сейткали
";

pub(crate) const CAUCASUS_MALE: &str = "
Magomed, Magomet, Mahomed | Магомед
Akhmed, Akhmad, Ahmed | Ахмед
Ramzan, Ramazan | Рамзан
Said, Sayid | Саид
Ibragim, Ibrahim | Ибрагим
Aslan | Аслан
Shamil, Shamyl | Шамиль ; Shamilev | Шамилев
Khasan, Hasan | Хасан
Khusein, Khuseyn, Husein | Хусейн
Abdulla, Abdullah | Абдулла
Zelimkhan, Zelimhan | Зелимхан
Dzhokhar, Jokhar, Djokhar | Джохар
Adam | Адам
Umar, Omar | Умар
Islam | Ислам
Turpal | Турпал
Apti | Апти
Alikhan | Алихан
Movsar, Mowsar | Мовсар
Sultan | Султан
Rasul, Rassul | Расул
Gadzhi, Hadji, Gadji | Гаджи
Murad, Murat | Мурад
Kurban, Qurban | Курбан
Arsen | Арсен
Zaur | Заур
Anzor | Анзор
Isa, Issa | Иса
Musa, Moussa | Муса
Yusup, Yusuf | Юсуп
Abubakar, Abubakr | Абубакар
Salman | Салман
Khamzat, Hamzat | Хамзат
Akhmat, Ahmat | Ахмат
Adlan | Адлан
Rizvan, Ridvan | Ризван
Shamsudin, Shamsuddin | Шамсудин
";

pub(crate) const CAUCASUS_FEMALE: &str = "
Aminat | Аминат
Zarema | Зарема
Khava, Hava | Хава
Petimat | Петимат
Kheda, Heda | Хеда
Zaira | Заира
Aishat, Ayshat | Айшат
Liana | Лиана
Seda | Седа
Madina | Мадина
Luiza, Louisa | Луиза
Zalina | Залина
Milana | Милана
Fatima | Фатима
Elina | Элина
Khadizhat, Khadijat | Хадижат
Mariyam, Mariam | Марьям
Raisat | Раисат
Asiyat | Асият
Patimat | Патимат
Dzhamilya, Jamilya | Джамиля
Markha | Марха
Malika | Малика
Leila, Leyla | Лейла
";

pub(crate) const CAUCASUS_FAMILY: &str = "
Kadyrov, Kadirov | Кадыров
Magomedov, Magometov | Магомедов
Gadzhiyev, Gadzhiev, Hajiyev | Гаджиев
Aliyev, Aliev | Алиев
Dzhabrailov, Jabrailov, Djabrailov | Джабраилов
Khasanov, Hasanov | Хасанов
Umarov | Умаров
Ibragimov, Ibrahimov | Ибрагимов
Akhmadov, Ahmadov | Ахмадов
Daudov | Даудов
Isayev, Isaev | Исаев
Musayev, Musaev | Мусаев
Murtazaliyev, Murtazaliev | Муртазалиев
Yunusov | Юнусов
Gasanov | Гасанов
Rasulov | Расулов
Dadayev, Dadaev | Дадаев
Kurbanov | Курбанов
Gamzatov | Гамзатов
Nurmagomedov | Нурмагомедов
Saidov | Саидов
Khadzhiyev, Khadzhiev | Хаджиев
Abdurakhmanov, Abdurahmanov | Абдурахманов
Magomedaliyev, Magomedaliev | Магомедалиев
Alkhanov | Алханов
Zakriyev, Zakriev | Закриев
Khamzatov | Хамзатов
";
