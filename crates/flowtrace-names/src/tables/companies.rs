//! Words for company, charity, money-service and exchange-house names, per business locale.
//!
//! Each locale is a block of `field: item | item | ...` lines. Templates use `{s}` a brand
//! stem, `{t}` a second stem, `{u}` a second stem joined in lower case (`Heng{u}` -> `Hengxin`),
//! `{a}` an activity, `{l}` a legal form, `{f}` an owner's family name, `{v}` a charitable
//! virtue and `{c}` a city. Stems avoid the names of entities on sanctions lists. A field a
//! locale does not give is taken from `ENGLISH`.

pub(crate) const GULF: &str = "
stems: Al Noor | Al Amal | Al Safa | Al Marwa | Al Rayan | Al Zahra | Al Wadi | Al Sharq | Al Khaleej | Al Nakheel | Al Yasmeen | Al Bustan | Al Rawda | Al Najah | Al Majd | Al Rawabi | Al Waha | Al Diyar | Al Fursan | Al Bahar | Al Sahra | Al Mustaqbal | Al Yamama | Al Rimal | Al Shorouq | Al Dana | Al Nujoom | Golden Falcon | Pearl Gate | Desert Rose | Blue Dhow
activities: General Trading | Trading | Contracting | Technical Services | Building Materials Trading | Foodstuff Trading | Used Cars Trading | Gold & Jewellery | Mobile Phones Trading | Perfumes | Cargo | Shipping & Logistics | Real Estate | Electronics Trading | Auto Spare Parts | Travel & Tourism | Textiles | Investments
forms: LLC | L.L.C. | FZE | FZCO | FZ-LLC | W.L.L. | Est. | Co. W.L.L.
company: {s} {a} {l} | {s} {a} {l} | {f} {a} {l} | {f} & Partners {a} {l} | {s} {a}
virtues: al-Rahma | al-Khair | al-Ihsan | al-Amal | al-Noor | al-Salam | al-Hayat | al-Ta'awun | al-Inaya | al-Tadamun | al-Aman | al-Fajr
charity: {v} Charitable Society | {v} Charity Association | {v} Humanitarian Foundation | {v} Orphan Care Society | Jam'iyat {v} al-Khayriya | {v} Relief Committee
msb: {s} Exchange & Remittance {l} | {s} Money Transfer {l} | {s} Express Remittance | {s} Financial Services {l}
exchange: {s} Exchange {l} | {s} Exchange Co. | {s} Money Exchange | {s} Currency Exchange {l}
";

pub(crate) const LEVANT: &str = "
stems: Al-Noor | Al-Amal | Al-Safa | Al-Rayan | Al-Zahra | Al-Wadi | Al-Sharq | Al-Bustan | Al-Rawda | Al-Najah | Al-Majd | Al-Diyar | Al-Mashriq | Al-Andalus | Al-Arz | Al-Zaitoun | Al-Furat | Dijla | Al-Yasmeen | Al-Shorouq | Al-Qamar | Al-Mustaqbal | Al-Itqan | Cedars | Phoenicia | Jasmine | Olive Branch
activities: Trading | General Trading | Import & Export | Contracting | Construction | Transport | Foodstuff | Pharmaceuticals | Medical Supplies | Textiles | Used Cars | Real Estate | Electronics | Travel & Tourism | Agricultural Products | Petroleum Services | Investments
forms: Co. | LLC | Ltd. | S.A.L. | Co. Ltd.
company: {s} {a} {l} | {s} for {a} {l} | {f} {a} {l} | {f} & Sons {a} {l} | {f} Brothers {a}
virtues: al-Rahma | al-Khair | al-Ihsan | al-Amal | al-Noor | al-Salam | al-Hayat | al-Ta'awun | al-Inaya | al-Tadamun | al-Aman | al-Fajr
charity: {v} Charitable Society | {v} Charity Association | {v} Relief Association | {v} Society for Orphan Care | Jam'iyat {v} al-Khayriya | {v} Humanitarian Foundation
msb: {s} Money Transfer | {s} Transfer Company | {s} Financial Services {l} | {s} Remittance Co.
exchange: {s} Exchange Company | {s} Exchange {l} | Sharikat {s} lil-Sirafa | {s} Money Exchange
";

pub(crate) const EGYPT: &str = "
stems: El Nour | El Amal | El Safa | El Rayan | El Zahraa | El Wadi | El Sharq | El Bostan | El Nasr | El Fagr | El Salam | El Hayah | El Mostakbal | El Nil | El Masriya | El Delta | El Orouba | Cairo Gate | Nile Star | Pharaoh | Sphinx | Lotus | Delta Star | Golden Pyramid
activities: Trading | Import & Export | Contracting | Construction | Textiles | Foodstuff | Pharmaceuticals | Engineering | Tourism | Real Estate | Cotton | Agricultural Development | Auto Parts
forms: S.A.E. | LLC | Co. | Group
company: {s} {a} {l} | {s} for {a} {l} | {f} {a} {l} | {f} & Sons {l} | {f} Group for {a}
virtues: El Rahma | El Kheir | El Ehsan | El Amal | El Nour | El Salam | El Hayah | El Taawon
charity: {v} Charitable Association | {v} Foundation for Development | {v} Society for Orphans | Gameyat {v} El Khayreya | {v} Charity Foundation
msb: {s} Money Transfer | {s} Payment Services {l} | {s} Express Transfer
exchange: {s} Exchange Company | {s} Exchange {l} | {s} Foreign Exchange
";

pub(crate) const FRANCOPHONE_AFRICA: &str = "
stems: El Amal | Nour | Atlas | Sahara | Sahel | Espoir | Horizon | Étoile | Baraka | Nejma | Tassili | Djurdjura | Teranga | Faso | Djoliba | Baobab | Dunia | Soleil | Excellence | Touba | Wassoulou | Nafa | Oasis | Palmier | Zitouna | Yasmine | Medina | Safa | Rif
activities: Import-Export | Commerce Général | Négoce | Transports | BTP | Travaux Publics | Distribution | Logistique | Immobilier | Services | Textile | Agroalimentaire | Automobiles | Voyages | Télécoms | Quincaillerie | Matériaux de Construction
forms: SARL | SA | SARLAU | SUARL | EURL | SAS
company: {s} {a} {l} | Ets {f} et Fils | {f} {a} {l} | Société {s} {a} {l} | Ets {s} {a} | Groupe {f} {l}
virtues: Espoir | Solidarité | Partage | Entraide | Lumière | Avenir | Fraternité | Humanité | Dignité | Main Tendue | Cœur Ouvert | El Khir | Rahma
charity: Association {v} | Association {v} et {v} | Fondation {v} | Association pour l'Entraide {s} | ONG {v} | Association Caritative {v}
msb: {s} Transfert | {s} Transfert d'Argent | {s} Money Express | {s} Cash Transfert {l}
exchange: Bureau de Change {s} | {s} Change | {s} Change {l} | Bureau de Change {f}
";

pub(crate) const IRAN: &str = "
stems: Pars | Arya | Sepehr | Setareh | Alborz | Kaveh | Persia | Zagros | Khazar | Kish | Damavand | Golestan | Shahab | Toos | Sahand | Arvand | Mehr | Azar | Payam | Nik | Roshan | Aseman | Parsa | Iranzamin | Atlas | Kourosh | Simorgh
activities: Trading | Commercial | Industrial Group | Petrochemical | Steel | Shipping | Engineering | Construction | Pharmaceutical | Carpet | Saffron | Dried Fruit | Automotive Parts | Textile | Electronics | Investment
forms: Co. | Company | Co. Ltd. | Private Joint Stock Company | PJSC | Group
company: {s} {a} {l} | {s} {a} {l} | {f} {a} {l} | {s} {t} {a} {l}
virtues: Mehr | Omid | Nikookari | Ehsan | Hamdeli | Yari | Noor | Mehrbani | Roshana | Farda
charity: {v} Charity Foundation | {v} Charity Institute | Mo'asese-ye Kheirieh {v} | {v} Charitable Society
msb: {s} Money Transfer | {s} Sarafi Transfer | {s} Remittance {l}
exchange: {s} Sarafi | Sarafi {s} | {s} Exchange {l} | {s} Exchange Co.
";

pub(crate) const AFGHAN: &str = "
stems: Ariana | Hindu Kush | Kabul | Herat | Balkh | Pamir | Amu | Bamyan | Watan | Spinghar | Salang | Kandahar | Noor | Sadaf | Baraan | Aryan | Sahar | Mazar | Jalalabad | Shamal | Milli | Paktia | Ghazni | Logar | Panjshir
activities: Trading | Construction | Logistics | Transport | Import & Export | Carpets | Dried Fruits | Fuel Supply | Telecom Services | Mining | Security Services | Building Materials | Travel
forms: Company | Co. | Ltd. | Group | Trading Company
company: {s} {a} {l} | {f} {a} {l} | {f} Brothers {a} {l} | {s} {a}
virtues: Noor | Umeed | Khair | Ehsan | Hamkari | Watan | Amaan | Roshan | Bahar | Zindagi
charity: {v} Relief Organization | {v} Welfare Society | {v} Foundation | {v} Humanitarian Organization | {v} Orphans Care
msb: {s} Money Exchange & Transfer | {s} Hawala Services | {s} Money Service Provider | {s} Sarafi
exchange: {s} Sarafi | Sarafi {f} | {s} Money Exchange | {s} Exchange Company
";

pub(crate) const TURKEY: &str = "
stems: Anadolu | Yıldız | Ege | Marmara | Toros | Karadeniz | Doğu | Kartal | Güneş | Akdeniz | Boğaziçi | Kuzey | Altın | Yeni | Birlik | Deniz | Umut | Kardelen | Lale | Vatan | Efe | Zirve | Başak | Ufuk | Hilal | Yıldırım | Çınar
activities: Ticaret | İnşaat | Tekstil | Gıda | Lojistik | Otomotiv | Nakliyat | Turizm | Dış Ticaret | Kuyumculuk | Elektronik | Emlak | Mobilya | Enerji | Tarım | Petrol | Madencilik | Sanayi ve Ticaret | Gıda San. ve Tic.
forms: Ltd. Şti. | A.Ş. | Tic. Ltd. Şti. | San. ve Tic. Ltd. Şti. | San. ve Tic. A.Ş.
company: {s} {a} {l} | {f} {a} {l} | {f} Kardeşler {a} {l} | {s} {a} {l}
virtues: Umut | Merhamet | Işık | Şefkat | Kardeşlik | Yardım Eli | Dayanışma | İyilik | Hayır | Sevgi | Kardeş Eli | Yetim Eli
charity: {v} İnsani Yardım Derneği | {v} Yardımlaşma Derneği | {v} Vakfı | {v} Eğitim ve Kültür Vakfı | {v} Yardım Derneği
msb: {s} Para Transferi | {s} Ödeme Hizmetleri A.Ş. | {s} Ödeme ve Elektronik Para Hizmetleri A.Ş.
exchange: {s} Döviz | {s} Döviz ve Altın | {s} Döviz Ltd. Şti. | {f} Döviz | {s} Kuyumculuk ve Döviz
";

pub(crate) const RUSSIA: &str = "
stems: Vostok | Sever | Ural | Volga | Sibir | Zvezda | Orion | Avangard | Progress | Stolitsa | Neva | Kristall | Yug | Tsentr | Rus | Mega | Vega | Atlant | Granit | Baikal | Amur | Kaskad | Start | Region | Standart | Energiya | Garant | Delta | Kapital | Terek | Kavkaz | Elbrus
activities: Trade | Stroy | Invest | Logistik | Trans | Servis | Snab | Prom | Agro | Neft | Les | Metall | Avto | Tekh | Impeks | Resurs | Komplekt
forms: OOO | AO | ZAO | PAO | LLC
company: {l} {s}{u} | {l} {s}-{a} | {s}-{a} {l} | {s}{u} {l} | {f} Logistics {l} | {f} Trading {l} | {l} {s} {a}
virtues: Nadezhda | Miloserdiye | Dobro | Svet | Dobrota | Zabota | Nadezhda i Zhizn | Ruka Pomoshchi | Sodeystviye | Dom Dobra
charity: Blagotvoritelny Fond {v} | BF {v} | ANO {v} | Fond {v} | Fond Podderzhki {v}
msb: NKO {s}-Platezhi | {s} Transfer {l} | NKO {s} | {s}-Perevod {l}
exchange: {s} Obmen | Obmen Valyut {s} | {s}-Valyuta {l}
";

pub(crate) const CENTRAL_ASIA: &str = "
stems: Samarkand | Bukhara | Turon | Altyn | Nur | Sharq | Oltin | Zarafshan | Fergana | Navruz | Tengri | Almaty | Dala | Baiterek | Tulpar | Zhetysu | Vainakh | Argun | Kavkaz | Pamir | Khorezm | Registon | Ipak Yoli | Shark | Orient | Aziya | Navoi | Sogd
activities: Savdo | Qurilish | Trans | Invest | Agro | Trade | Stroy | Servis | Tekstil | Logistik | Impeks | Avto | Neft | Group | Kurylys
forms: MChJ | OOO | TOO | AO | LLC | XK | ChP
company: {s} {a} {l} | {l} {s} {a} | {l} {s}{u} | {f} {a} {l} | {s}-{a} {l}
virtues: Mehr | Umid | Saxovat | Nur | Yordam | Meyirim | Kamkorlik | Ezgulik | Dobro | Kelajak
charity: {v} Xayriya Jamg'armasi | {v} Foundation | Fond {v} | {v} Qoryndy | {v} Charity Fund | Jamoat Fondi {v}
msb: {s} Transfer | {s} Pul O'tkazmalari | {s} Money Express | {s} Payments {l}
exchange: {s} Valyuta Ayirboshlash | {s} Obmen | {s} Exchange | {s} Aiyrbas
";

pub(crate) const SOUTH_ASIA: &str = "
stems: Indus | Ravi | Himalaya | Mehran | Shaheen | Karakoram | Sindh | Punjab | Ganga | Lotus | Sagar | Kohinoor | Taj | Sitara | Madina | Royal | Super | New | Friends | Bharat | Shree Ganesh | Sai | Om | Laxmi | Chenab | Jhelum | Margalla | Pak | Star | Crown
activities: Traders | Trading Company | Enterprises | Textiles | Textile Mills | Rice Mills | Garments | Sports Goods | Surgical Instruments | Cotton | Leather | Pharmaceuticals | Exports | Impex | Builders | Developers | Travels | Motors | Jewellers | Steel | Industries | Agro
forms: (Pvt.) Ltd. | Pvt. Ltd. | (Private) Limited | Ltd. | LLP
company: {s} {a} {l} | {s} {a} | {f} {a} {l} | {f} & Sons {l} | {f} Brothers {a} | {f} {a} | {f} & Co.
virtues: Umeed | Roshni | Sahara | Behbood | Fikr | Seva | Asha | Disha | Prerna | Amn | Ujala | Muskaan | Naya Savera
charity: {v} Welfare Trust | {v} Welfare Society | {v} Foundation | {v} Educational Trust | {v} Sewa Trust | {v} Welfare Organization
msb: {s} Exchange & Money Transfer | {s} Money Transfer | {s} Remit | {s} Exchange Company {l}
exchange: {s} Exchange Company {l} | {s} Money Changer | {s} Forex {l} | {s} Exchange
";

pub(crate) const SOMALIA: &str = "
stems: Hiiraan | Jubba | Shabelle | Horseed | Barwaaqo | Nabad | Hodan | Iftin | Amaana | Tawfiiq | Guul | Saafi | Midnimo | Xiddig | Sahan | Ubah | Hilaac | Bakool | Galmudug | Berbera | Bosaso | Kismayo | Ocean | Horn
activities: Trading | General Trading | Import & Export | Livestock | Logistics | Construction | Telecom | Fuel | Cargo | Travel Agency | Foodstuff | Real Estate
forms: Co. | Company | Ltd | Group
company: {s} {a} {l} | {s} {a} | {f} {a} {l} | {f} & Brothers {a}
virtues: Nabad | Iftin | Samafal | Gargaar | Daryeel | Rajo | Caawi | Midnimo | Horumar | Barwaaqo | Hiil
charity: {v} Relief and Development Organization | {v} Humanitarian Organization | {v} Aid | {v} Youth Development Association | {v} Women Development Organization | {v} Orphans Care
msb: {s} Express | {s} Money Transfer | {s} Xawaalad | {s} Financial Services | {s} Express Remittance
exchange: {s} Exchange | {s} Money Exchange | {s} Currency Exchange
";

pub(crate) const EAST_AFRICA: &str = "
stems: Pwani | Jamii | Tumaini | Upendo | Neema | Safari | Savannah | Kilimanjaro | Lamu | Simba | Faraja | Amani | Nyota | Mvita | Rift Valley | Tana | Victoria | Serengeti | Jambo | Coast | Equator | Highlands
activities: Traders | Enterprises | Logistics | Transporters | Hardware | Agencies | General Merchants | Supplies | Investments | Motors | Tours & Travel | Construction | Agrovet
forms: Ltd | Limited | Co. Ltd | Enterprises
company: {s} {a} {l} | {f} {a} {l} | {f} & Sons {l} | {s} {a}
virtues: Tumaini | Upendo | Amani | Faraja | Neema | Huruma | Msaada | Jamii | Hope | Mercy | Light | Bright Future
charity: {v} Foundation | {v} Community Development Organization | {v} Children's Home | {v} Welfare Society | {v} Initiative
msb: {s} Money Transfer | {s} Express | {s} Payments {l} | {s} Remittance {l}
exchange: {s} Forex Bureau | {s} Bureau de Change | {s} Forex Bureau {l}
";

pub(crate) const WEST_AFRICA: &str = "
stems: Sahel | Niger | Kano | Savannah | Baobab | Harmattan | Sokoto | Arewa | Zuma | Benue | Atlantic | Golden | Royal | Ocean | Excel | Grace | Unity | Victory | Kings | Majestic | Ashanti | Volta | Eko | Akwaba | Jos Plateau | Kaduna | Gold Coast
activities: Ventures | Enterprises | Global Concept | Integrated Services | Nigeria Limited | Oil & Gas | Agro Allied | Merchants | Motors | Logistics | Construction | Import & Export | Investments | Farms | Textiles
forms: Ltd | Limited | Nig. Ltd
company: {s} {a} {l} | {f} {a} {l} | {f} & Sons {l} | {s} {a} | {f} {a}
virtues: Hope | Mercy | Light | Grace | Unity | Compassion | Kindness | Better Life | Arewa Care | Bright Future | Helping Hands
charity: {v} Foundation | {v} Initiative | {v} Development Foundation | {v} Orphans and Widows Support | {v} Humanitarian Foundation | {v} Community Development Association
msb: {s} Money Transfer | {s} Bureau | {s} Remittance {l} | {s} Express
exchange: {s} Bureau de Change | {s} BDC | {s} Bureau de Change {l} | {s} Forex
";

pub(crate) const SPANISH: &str = "
stems: Del Sol | Andes | Atlántico | Estrella | Pacífico | Cóndor | Amazonas | Sierra | Horizonte | Aurora | Nova | Luz | Fénix | Sol Naciente | Bahía | Tropical | Continental | Alianza | Costa Verde | Río Grande | Azteca | Maya | Inca | Patagonia | Caribe | Mediterráneo | Castilla | Valle
activities: Comercial | Importadora | Exportadora | Distribuidora | Inversiones | Transportes | Constructora | Inmobiliaria | Servicios | Logística | Agroindustrial | Textiles | Automotriz | Alimentos
forms: S.A. | S.L. | S.A. de C.V. | S.A.S. | Ltda. | S.R.L. | S.L.U.
company: {a} {s} {l} | {a} {f} {l} | {f} e Hijos {l} | Grupo {s} {l} | {s} {a} {l} | {a} {f} y Asociados {l}
virtues: Esperanza | Solidaridad | Caridad | Luz | Vida | Futuro | Amistad | Corazón | Dignidad | Nuevo Amanecer | Sonrisas | Manos Abiertas
charity: Fundación {v} | Asociación {v} | Fundación {v} y {v} | Asociación Civil {v} | ONG {v}
msb: Envíos {s} | {s} Envíos de Dinero | Remesas {s} | {s} Money Transfer {l} | {s} Giros {l}
exchange: Casa de Cambio {s} | Casa de Cambio {f} | {s} Cambios {l} | Cambios {s}
";

pub(crate) const PORTUGUESE: &str = "
stems: Atlântico | Horizonte | Nova Era | Estrela | Aurora | Paraná | Serra Azul | Sol | Tropical | Cruzeiro | Amazonas | Bahia | Minas | Continental | Aliança | Vitória | Ipiranga | Guanabara | Tejo | Douro | Lusitânia | Norte | Ouro Verde | Primavera
activities: Comércio | Importação e Exportação | Distribuidora | Transportes | Construtora | Imobiliária | Serviços | Logística | Agropecuária | Têxtil | Participações | Alimentos | Veículos
forms: Ltda. | S.A. | Lda. | ME | EIRELI
company: {s} {a} {l} | {f} {a} {l} | {a} {s} {l} | {f} & Filhos {l} | Grupo {f} {l}
virtues: Esperança | Solidariedade | Caridade | Luz | Vida | Futuro | Amizade | Coração | Dignidade | Mãos Unidas pelo Bem | Sorriso
charity: Associação {v} | Instituto {v} | Fundação {v} | Associação Beneficente {v} | ONG {v}
msb: {s} Remessas | {s} Transferências {l} | {s} Money Transfer | Remessas {s}
exchange: {s} Câmbio | Câmbio {s} {l} | {s} Câmbio e Turismo {l}
";

pub(crate) const ENGLISH: &str = "
stems: Golden | Silver | Royal | Global | United | First | Grand | Pacific | Eastern | Northern | Blue | Green | Prime | Elite | Alpha | Delta | Orient | Atlas | Meridian | Northgate | Beacon | Harbour | Crown | Riverside | Oakwood | Albion | Summit | Pinnacle | Horizon | Keystone | Bridgewater | Sterling | Phoenix | Apex | Vanguard | Westbrook
activities: Trading | Imports | Holdings | Logistics | Construction | Consulting | Properties | Motors | Foods | Textiles | Electronics | Shipping | Investments | Travel | Telecom | Auto Parts | Security | Supplies | Ventures | Capital
forms: Ltd | Limited | Ltd | Limited | PLC | LLP
company: {s} {a} {l} | {s} {a} {l} | {f} {a} {l} | {f} & Sons {l} | {f} Brothers {a} | {s} {t} {a} {l}
virtues: Hope | Mercy | Light | Dawn | Unity | Compassion | Kindness | Care | Harmony | Bridges | Sunrise | Future | Open Hands | Better Life | Humanity | Lifeline | Wellspring | Good Harvest | Clean Water | New Horizons
charity: {v} Relief Foundation | {v} Humanitarian Aid | {v} Charitable Trust | {v} Relief | {v} Foundation | {v} for Orphans | {v} Aid International | {v} Welfare Society
msb: {s} Money Transfer {l} | {s} Remittance {l} | {s} Payments {l} | {s} Express {l} | {s} Financial Services {l}
exchange: {s} Currency Exchange {l} | {s} Foreign Exchange {l} | {s} Bureau de Change | {s} FX {l}
";

/// US style: the English words with American legal forms (fields not given are English).
pub(crate) const AMERICAN: &str = "
forms: LLC | Inc. | Corp. | LLC | Inc. | Co.
";

pub(crate) const FRENCH: &str = "
stems: Atlantique | Horizon | Étoile | Azur | Lumière | Méridien | Alliance | Avenir | Provence | Rhône | Loire | Gironde | Arc-en-Ciel | Saint-Clair | Bellevue | Montblanc | Océane | Hexagone | Nord | Sud | Alpes | Vendôme
activities: Import-Export | Négoce | Transports | Bâtiment | Distribution | Logistique | Immobilier | Services | Textile | Automobiles | Voyages | Conseil | Alimentation | Électronique
forms: SARL | SAS | SA | EURL | SASU
company: {s} {a} {l} | {a} {f} {l} | {f} et Fils {l} | {f} {a} {l} | Groupe {s} {l}
virtues: Espoir | Solidarité | Partage | Entraide | Lumière | Avenir | Fraternité | Humanité | Dignité | Main Tendue | Cœur Ouvert | Sourire
charity: Association {v} | Association {v} et {v} | Fondation {v} | Secours {v} | Les Amis de {v} | Collectif {v}
msb: {s} Transfert {l} | {s} Transfert d'Argent | {s} Paiements {l} | {s} Money {l}
exchange: Bureau de Change {s} | {s} Change {l} | Comptoir de Change {s}
";

pub(crate) const GERMAN: &str = "
stems: Hanseatic | Nordstern | Rhein | Alpen | Elbe | Lindenhof | Sonnenberg | Adler | Falke | Greif | Löwen | Bavaria | Schwaben | Kontor | Merkur | Atlas | Hansa | Main | Spree | Weser | Nord | Süd | Taunus | Harz | Ostsee
activities: Handels | Handel | Logistik | Spedition | Bau | Immobilien | Maschinenbau | Autohandel | Import-Export | Elektro | Textil | Lebensmittel | Transporte | Reisen | Gebäudereinigung | Machinery | Trading
forms: GmbH | AG | GmbH & Co. KG | UG (haftungsbeschränkt) | e.K. | KG
company: {s} {a} {l} | {f} {a} {l} | {f} & Söhne {l} | {s} {a} {l} | {f} {l}
virtues: Waisen | Brunnen | Kinder | Not | Familien | Menschen | Nachbarschafts | Flüchtlings | Zukunfts | Friedens
charity: {v}hilfe {s} e.V. | Hilfe für {v} e.V. | {s} Stiftung | {v}hilfe e.V. | Verein für {v}hilfe e.V.
msb: {s} Geldtransfer {l} | {s} Zahlungsdienste {l} | {s} Money Transfer {l}
exchange: {s} Wechselstube | {s} Geldwechsel {l} | Wechselstube {f}
";

pub(crate) const DUTCH: &str = "
stems: Noordzee | Oranje | Delta | Maas | Rijn | Polder | Tulp | Molen | Hollandia | Zeeland | Amstel | Schelde | Kompas | Anker | Horizon | Lely | Waddenzee | Veluwe | Zuiderzee | Eendracht
activities: Handelsonderneming | Logistiek | Transport | Bouw | Vastgoed | Import Export | Holding | Groothandel | Autohandel | Techniek | Trading | Beheer
forms: B.V. | N.V. | V.O.F. | BV
company: {s} {a} {l} | {f} {a} {l} | {f} & Zonen {l} | {s} {a} {l} | {f} Holding {l}
virtues: Hoop | Licht | Hulp | Toekomst | Samen | Zorg | Vrede | Hart | Brug | Zonnestraal
charity: Stichting {v} | Stichting {s} | Stichting Hulp aan {v} | Vereniging {v} | Stichting {v} en {v}
msb: {s} Geldtransfer {l} | {s} Betaaldiensten {l} | {s} Money Transfer {l}
exchange: {s} Wisselkantoor | Wisselkantoor {s} {l} | {s} Valuta {l}
";

pub(crate) const CHINA: &str = "
stems: Heng | Xin | Tai | Feng | Long | Jin | Hua | Sheng | Da | Tian | Yi | Rui | Fu | Kang | Hong | Yuan | Xing | Mei | An | Cheng | Bao | Tong | Jia | Hai | Ming | Run | Yu | Kai | Hao | Chang | Wan | Zhong | Guang | Hui | De
cities: Shenzhen | Guangzhou | Yiwu | Shanghai | Ningbo | Xiamen | Tianjin | Dongguan | Hangzhou | Qingdao | Foshan | Suzhou | Wenzhou | Shantou | Beijing | Chengdu
activities: Trading | Import & Export | Industrial | Technology | Electronics | Textile | Machinery | Logistics | Supply Chain | Investment | Commerce | International Trade | Garments | Auto Parts | Chemical | Plastic Products | Hardware
forms: Co., Ltd. | Co., Ltd | Company Limited
company: {c} {s}{u} {a} {l} | {c} {s}{u} {a} {l} | {s}{u} {a} {l} | {c} {s}{u} {a} Group {l}
virtues: Ai Xin | Hui Min | Ren Ai | Ci Shan | Xi Wang | Guang Ming | An Kang | He Xie | Chun Hui | Tong Xin
charity: {c} {v} Charity Foundation | {v} Charitable Foundation | {c} {s}{u} Public Welfare Foundation | {v} Foundation
msb: {s}{u} Payment Services {l} | {c} {s}{u} Cross-border Payment {l} | {s}{u} Remittance {l}
exchange: {s}{u} Money Changer | {c} {s}{u} Foreign Exchange {l} | {s}{u} Currency Exchange
";

pub(crate) const HONG_KONG: &str = "
stems: Wing | Hing | Fat | Lee | Tai | Kam | Fung | Shing | Wah | Cheong | Hang | Yick | Tak | Kwong | Sang | Lung | Fook | Po | Kin | On | Yue | Sun | Man | Chi
activities: Trading | Holdings | Enterprise | Industrial | International | Development | Investment | Logistics | Import & Export | Electronics | Jewellery | Garment | Shipping | Securities
forms: Limited | (HK) Limited | Company Limited | (Hong Kong) Limited | Holdings Limited
company: {s} {t} {a} {l} | {s} {t} {a} {l} | {f} {a} {l} | {s} {t} {l}
virtues: Love | Hope | Care | Harmony | Mercy | Kindness | Light | Compassion | Sunshine | Joy
charity: {s} {t} Charitable Foundation Limited | {v} Charity Foundation | {s} {t} Charity Fund | {v} Association
msb: {s} {t} Money Service {l} | {s} {t} Remittance {l} | {s} {t} Express {l}
exchange: {s} {t} Money Exchange {l} | {s} {t} Money Changer | {s} {t} Currency Exchange {l} | {s} {t} Forex {l}
";

pub(crate) const TAIWAN: &str = "
stems: Heng | Hsin | Tai | Feng | Lung | Chin | Hua | Sheng | Ta | Tien | Yi | Jui | Fu | Kang | Hung | Yuan | Hsing | Mei | An | Cheng | Pao | Tung | Chia | Hai | Ming
activities: Trading | Industrial | Technology | Electronics | Precision | Machinery | Enterprise | International | Plastics | Textile | Semiconductor | Optoelectronics
forms: Co., Ltd. | Corp. | Inc. | Enterprise Co., Ltd.
company: {s}{u} {a} {l} | {s}{u} {a} {l} | {f} {a} {l}
virtues: Ai Hsin | Hui Min | Jen Ai | Tzu Shan | Hsi Wang | Kuang Ming | Ho Hsieh | Chun Hui
charity: {v} Social Welfare Foundation | {v} Charity Association | {s}{u} Cultural and Educational Foundation | {v} Foundation
msb: {s}{u} Remittance {l} | {s}{u} Payment {l}
exchange: {s}{u} Money Exchange | {s}{u} Currency Exchange {l}
";
