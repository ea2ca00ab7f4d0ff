//! Russian names (with some Ukrainian forms as spellings of the same name). Male given names
//! carry their patronymic stem; family names are masculine, the feminine is derived.

pub(crate) const MALE: &str = "
Aleksandr, Alexander, Alexandr, Aleksander, Oleksandr, Alexandre | Александр ; Aleksandrov | Александров
Sergey, Sergei, Serguei, Sergej, Serhiy | Сергей ; Sergeyev | Сергеев
Dmitriy, Dmitry, Dmitri, Dmitrii, Dmitrij, Dmytro | Дмитрий ; Dmitriyev | Дмитриев
Andrey, Andrei, Andrej, Andriy | Андрей ; Andreyev | Андреев
Aleksey, Alexei, Alexey, Aleksei, Oleksiy | Алексей ; Alekseyev | Алексеев
Maksim, Maxim, Maksym | Максим ; Maksimov | Максимов
Yevgeniy, Evgeny, Evgenii, Yevgeny, Evgeni, Evgenij, Yevhen | Евгений ; Yevgenyev | Евгеньев
Ivan, Iwan | Иван ; Ivanov | Иванов
Mikhail, Michail, Mikhael, Mykhailo | Михаил ; Mikhaylov | Михайлов
Artyom, Artem, Artiom, Artjom | Артём ; Artyomov | Артёмов
Nikolay, Nikolai, Nicolai, Mykola | Николай ; Nikolayev | Николаев
Vladimir, Wladimir, Volodymyr | Владимир ; Vladimirov | Владимиров
Denis | Денис ; Denisov | Денисов
Pavel, Pawel, Pavlo | Павел ; Pavlov | Павлов
Roman | Роман ; Romanov | Романов
Igor, Ihor | Игорь ; Igorev | Игорев
Oleg, Oleh | Олег ; Olegov | Олегов
Anton | Антон ; Antonov | Антонов
Vladislav, Wladislaw | Владислав ; Vladislavov | Владиславов
Viktor, Victor | Виктор ; Viktorov | Викторов
Yuriy, Yuri, Yury, Iurii, Jurij | Юрий ; Yuryev | Юрьев
Konstantin, Constantin, Kostiantyn | Константин ; Konstantinov | Константинов
Nikita | Никита ; Nikit | Никит
Kirill, Cyril | Кирилл ; Kirillov | Кириллов
Vadim, Wadim | Вадим ; Vadimov | Вадимов
Stanislav | Станислав ; Stanislavov | Станиславов
Anatoliy, Anatoly, Anatolii, Anatolij | Анатолий ; Anatolyev | Анатольев
Vitaliy, Vitaly, Vitalii, Witali | Виталий ; Vitalyev | Витальев
Gennadiy, Gennady, Gennadii | Геннадий ; Gennadyev | Геннадьев
Valeriy, Valery, Valerii | Валерий ; Valeryev | Валерьев
Boris | Борис ; Borisov | Борисов
Leonid | Леонид ; Leonidov | Леонидов
Grigoriy, Grigory, Grigorii, Hryhoriy | Григорий ; Grigoryev | Григорьев
Fyodor, Fedor, Feodor, Fiodor | Фёдор ; Fyodorov | Фёдоров
Pyotr, Petr, Piotr, Petro | Пётр ; Petrov | Петров
Stepan | Степан ; Stepanov | Степанов
Ruslan | Руслан ; Ruslanov | Русланов
Yegor, Egor, Jegor | Егор ; Yegorov | Егоров
Vasiliy, Vasily, Vasilii, Wassili, Vasyl | Василий ; Vasilyev | Васильев
Arkadiy, Arkady, Arkadii | Аркадий ; Arkadyev | Аркадьев
Gleb | Глеб ; Glebov | Глебов
Daniil, Danil, Danylo | Даниил ; Daniilov | Даниилов
Yaroslav, Jaroslav, Jaroslaw | Ярослав ; Yaroslavov | Ярославов
Vyacheslav, Viacheslav, Wjatscheslaw | Вячеслав ; Vyacheslavov | Вячеславов
Valentin | Валентин ; Valentinov | Валентинов
Semyon, Semen, Semion | Семён ; Semyonov | Семёнов
Timofey, Timofei | Тимофей ; Timofeyev | Тимофеев
Georgiy, Georgy, Georgii, Heorhiy | Георгий ; Georgiyev | Георгиев
";

pub(crate) const FEMALE: &str = "
Yelena, Elena, Jelena, Olena | Елена
Olga, Olha | Ольга
Tatyana, Tatiana, Tatjana, Tetiana | Татьяна
Natalya, Natalia, Natalja, Nataliya | Наталья
Irina, Iryna | Ирина
Svetlana, Swetlana | Светлана
Anna, Hanna | Анна
Mariya, Maria, Marija | Мария
Yekaterina, Ekaterina, Katerina, Kateryna | Екатерина
Yuliya, Yulia, Julia, Iuliia | Юлия
Anastasiya, Anastasia, Anastasija | Анастасия
Marina | Марина
Galina, Halyna | Галина
Lyudmila, Ludmila, Liudmila, Ljudmila | Людмила
Nadezhda, Nadejda, Nadeschda | Надежда
Valentina | Валентина
Oksana | Оксана
Larisa, Larissa | Лариса
Viktoriya, Victoria, Viktoria | Виктория
Darya, Daria, Dariya | Дарья
Kseniya, Ksenia, Xenia | Ксения
Alina | Алина
Polina | Полина
Sofiya, Sofia, Sophia | София
Alyona, Alena, Aliona | Алёна
Vera, Wera | Вера
Lyubov, Liubov, Ljubow | Любовь
Nina | Нина
Inna | Инна
Zhanna, Janna, Jeanna | Жанна
Kristina, Christina | Кристина
Yana, Iana, Jana | Яна
Elvira | Эльвира
Margarita | Маргарита
Lidiya, Lidia | Лидия
Raisa | Раиса
Tamara | Тамара
Yevgeniya, Evgenia, Evgeniya | Евгения
Alla | Алла
Veronika, Veronica | Вероника
Diana | Диана
Zoya, Zoia | Зоя
";

pub(crate) const FAMILY: &str = "
Ivanov, Iwanow, Ivanoff | Иванов
Smirnov, Smirnoff | Смирнов
Kuznetsov, Kuznetzov, Kusnezow | Кузнецов
Popov, Popoff | Попов
Vasilyev, Vasiliev, Vassiliev, Wassiljew | Васильев
Petrov, Petroff, Petrow | Петров
Sokolov | Соколов
Mikhaylov, Mikhailov, Michailow | Михайлов
Novikov | Новиков
Fyodorov, Fedorov, Fiodorov | Фёдоров
Morozov | Морозов
Volkov, Wolkow | Волков
Alekseyev, Alekseev, Alexeev | Алексеев
Lebedev, Lebedeff | Лебедев
Semyonov, Semenov | Семёнов
Yegorov, Egorov | Егоров
Pavlov | Павлов
Kozlov | Козлов
Stepanov | Степанов
Nikolayev, Nikolaev | Николаев
Orlov, Orloff | Орлов
Andreyev, Andreev | Андреев
Makarov | Макаров
Nikitin | Никитин
Zakharov, Zaharov | Захаров
Zaytsev, Zaitsev, Zaitzev | Зайцев
Solovyov, Soloviev, Solovyev | Соловьёв
Borisov | Борисов
Yakovlev, Jakowlew | Яковлев
Grigoryev, Grigoriev | Григорьев
Romanov | Романов
Vorobyov, Vorobiev | Воробьёв
Sergeyev, Sergeev | Сергеев
Kuzmin | Кузьмин
Frolov | Фролов
Aleksandrov, Alexandrov | Александров
Belov | Белов
Medvedev | Медведев
Antonov | Антонов
Tarasov | Тарасов
Zhukov, Joukov, Schukow | Жуков
Kovalyov, Kovalev | Ковалёв
Gusev | Гусев
Titov | Титов
Karpov | Карпов
Shcherbakov, Scherbakov, Chtcherbakov | Щербаков
Chernov, Tschernow | Чернов
Pokrovsky, Pokrovskiy, Pokrovski | Покровский
Nikolsky, Nikolskiy, Nikolski | Никольский
Kovalenko | Коваленко
Shevchenko, Chevtchenko | Шевченко
Bondarenko | Бондаренко
Tkachenko | Ткаченко
Kravchenko | Кравченко
";
