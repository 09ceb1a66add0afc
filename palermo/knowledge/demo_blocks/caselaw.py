# ruff: noqa: E501  (prose data: one sentence per line reads better than wrapped fragments)
"""Hand-written building blocks for fictional demo cases, in the six UN languages.

Sentences are Palermo's own; no real case, person or judgment is described.
"""

from __future__ import annotations

# theme code → (crime type codes, articles, {language: summary sentence})
THEMES: dict[str, tuple[list[str], list[str], dict[str, str]]] = {
    "tip": (
        ["trafficking-in-persons", "participation-in-organized-criminal-group"],
        ["TIP-3", "TIP-5", "UNTOC-5"],
        {
            "en": "A group of {n} people recruited workers abroad with promises of hotel jobs, confiscated their passports and forced them to work on farms for no pay.",
            "fr": "Un groupe de {n} personnes recrutait à l'étranger des travailleurs en leur promettant des emplois dans l'hôtellerie, confisquait leurs passeports et les forçait à travailler sans salaire dans des exploitations agricoles.",
            "es": "Un grupo de {n} personas captaba trabajadores en el extranjero con promesas de empleo en hoteles, les retenía el pasaporte y los obligaba a trabajar sin sueldo en explotaciones agrícolas.",
            "ru": "Группа из {n} человек вербовала за рубежом работников, обещая им места в гостиницах, отбирала у них паспорта и заставляла бесплатно работать на фермах.",
            "ar": "قامت مجموعة من {n} أشخاص بتجنيد عمال في الخارج بوعود العمل في الفنادق، ثم صادرت جوازات سفرهم وأجبرتهم على العمل في المزارع دون أجر.",
            "zh": "一个由{n}人组成的团伙以酒店工作为诱饵在境外招募工人，扣押其护照，并强迫他们在农场无偿劳动。",
        },
    ),
    "som": (
        ["smuggling-of-migrants"],
        ["SOM-3", "SOM-6", "SOM-8"],
        {
            "en": "The accused organised crossings for about {n} migrants in overloaded boats and charged each of them several thousand dollars.",
            "fr": "Les accusés organisaient la traversée d'environ {n} migrants à bord d'embarcations surchargées et exigeaient de chacun plusieurs milliers de dollars.",
            "es": "Los acusados organizaban el cruce de unos {n} migrantes en embarcaciones sobrecargadas y cobraban a cada uno varios miles de dólares.",
            "ru": "Обвиняемые организовывали переправку около {n} мигрантов на перегруженных лодках и брали с каждого по несколько тысяч долларов.",
            "ar": "نظّم المتهمون عبور نحو {n} مهاجراً على متن قوارب مكتظة، وتقاضوا من كل واحد منهم عدة آلاف من الدولارات.",
            "zh": "被告人组织约{n}名移民乘坐超载船只偷渡，并向每人收取数千美元。",
        },
    ),
    "drugs": (
        ["drug-offences", "participation-in-organized-criminal-group"],
        ["UNTOC-5", "UNTOC-20"],
        {
            "en": "Customs officers found {n} kilograms of cocaine hidden in a container of frozen fish; the shipment had been arranged by a network operating in three States.",
            "fr": "Les douaniers ont découvert {n} kilogrammes de cocaïne dissimulés dans un conteneur de poisson surgelé ; l'envoi avait été organisé par un réseau actif dans trois États.",
            "es": "Los agentes de aduanas hallaron {n} kilogramos de cocaína ocultos en un contenedor de pescado congelado; el envío lo había organizado una red que operaba en tres Estados.",
            "ru": "Таможенники обнаружили {n} килограммов кокаина, спрятанных в контейнере с замороженной рыбой; поставку организовала сеть, действовавшая в трёх государствах.",
            "ar": "عثر موظفو الجمارك على {n} كيلوغراماً من الكوكايين مخبأة في حاوية أسماك مجمدة، وكانت الشحنة قد رتبتها شبكة تعمل في ثلاث دول.",
            "zh": "海关人员在一个冷冻鱼集装箱中查获{n}公斤可卡因，该批货物由一个在三个国家活动的网络安排。",
        },
    ),
    "aml": (
        ["money-laundering", "corruption"],
        ["UNTOC-6", "UNTOC-12", "UNTOC-13"],
        {
            "en": "Proceeds of bribes worth {n} million were moved through shell companies and real estate purchases before being frozen at the request of the prosecutor.",
            "fr": "Le produit de pots-de-vin d'un montant de {n} millions a transité par des sociétés écrans et des achats immobiliers avant d'être gelé à la demande du procureur.",
            "es": "El producto de sobornos por valor de {n} millones se movió a través de sociedades pantalla y compras de inmuebles antes de ser congelado a petición del fiscal.",
            "ru": "Доходы от взяток на сумму {n} млн были проведены через подставные компании и покупку недвижимости, а затем заморожены по запросу прокурора.",
            "ar": "جرى تحويل عائدات رشاوى بقيمة {n} ملايين عبر شركات وهمية ومشتريات عقارية قبل تجميدها بناءً على طلب النيابة العامة.",
            "zh": "价值{n}百万的贿赂所得经由空壳公司和房地产交易转移，随后应检察官请求被冻结。",
        },
    ),
    "cyber": (
        ["cybercrime", "money-laundering"],
        ["UNTOC-5", "UNTOC-18"],
        {
            "en": "The defendants ran ransomware attacks against {n} hospitals and municipalities and laundered the ransom through virtual-asset exchanges.",
            "fr": "Les prévenus ont mené des attaques par rançongiciel contre {n} hôpitaux et communes et blanchi les rançons via des plateformes d'échange d'actifs virtuels.",
            "es": "Los acusados lanzaron ataques de secuestro de datos contra {n} hospitales y municipios y blanquearon los rescates a través de plataformas de intercambio de activos virtuales.",
            "ru": "Подсудимые совершали атаки с использованием программ-вымогателей на {n} больниц и муниципалитетов и отмывали выкуп через биржи виртуальных активов.",
            "ar": "شنّ المتهمون هجمات ببرمجيات الفدية على {n} مستشفيات وبلديات، وغسلوا مبالغ الفدية عبر منصات تبادل الأصول الافتراضية.",
            "zh": "被告人对{n}家医院和市政机构发动勒索软件攻击，并通过虚拟资产交易平台清洗赎金。",
        },
    ),
    "firearms": (
        ["trafficking-in-firearms"],
        ["FIREARMS-5", "FIREARMS-8"],
        {
            "en": "Police seized {n} pistols with their serial numbers erased, assembled from parts sent by post and sold to local gangs.",
            "fr": "La police a saisi {n} pistolets aux numéros de série effacés, assemblés à partir de pièces envoyées par la poste et revendus à des bandes locales.",
            "es": "La policía incautó {n} pistolas con el número de serie borrado, montadas con piezas enviadas por correo y vendidas a bandas locales.",
            "ru": "Полиция изъяла {n} пистолетов со спиленными серийными номерами, собранных из деталей, присланных по почте, и проданных местным бандам.",
            "ar": "ضبطت الشرطة {n} مسدساً طُمست أرقامها التسلسلية، جرى تجميعها من قطع أُرسلت بالبريد وبيعها لعصابات محلية.",
            "zh": "警方查获{n}支序列号被磨除的手枪，这些手枪由邮寄的零件组装而成，并被出售给当地帮派。",
        },
    ),
    "wildlife": (
        ["wildlife-forest-fisheries-crime", "corruption"],
        ["UNTOC-5", "UNTOC-8"],
        {
            "en": "Rangers and customs traced {n} tonnes of illegally logged rosewood exported under forged permits with the help of a bribed official.",
            "fr": "Les gardes forestiers et la douane ont retracé {n} tonnes de bois de rose abattu illégalement et exporté sous couvert de permis falsifiés, avec l'aide d'un fonctionnaire corrompu.",
            "es": "Guardabosques y aduanas rastrearon {n} toneladas de palo de rosa talado ilegalmente y exportado con permisos falsos gracias a un funcionario sobornado.",
            "ru": "Лесная охрана и таможня отследили {n} тонн незаконно вырубленного розового дерева, вывезенного по поддельным разрешениям при содействии подкупленного чиновника.",
            "ar": "تتبّع حراس الغابات والجمارك {n} أطنان من خشب الورد المقطوع بصورة غير مشروعة والمصدَّر بتصاريح مزورة بمساعدة موظف مرتشٍ.",
            "zh": "护林员和海关追查到{n}吨非法采伐的红木，这些木材在一名受贿官员协助下凭伪造许可证出口。",
        },
    ),
}

OUTCOMES: dict[str, list[str]] = {
    "en": [
        "The court convicted the leaders and ordered the confiscation of their assets.",
        "On appeal, the sentences were reduced but the convictions for participation in an organized criminal group were upheld.",
        "One defendant was acquitted for lack of evidence; the others were convicted.",
    ],
    "fr": [
        "Le tribunal a condamné les dirigeants et ordonné la confiscation de leurs biens.",
        "En appel, les peines ont été réduites, mais les condamnations pour participation à un groupe criminel organisé ont été confirmées.",
        "Un prévenu a été relaxé faute de preuves ; les autres ont été condamnés.",
    ],
    "es": [
        "El tribunal condenó a los cabecillas y ordenó el decomiso de sus bienes.",
        "En apelación se redujeron las penas, pero se confirmaron las condenas por participación en un grupo delictivo organizado.",
        "Uno de los acusados fue absuelto por falta de pruebas; los demás fueron condenados.",
    ],
    "ru": [
        "Суд признал организаторов виновными и постановил конфисковать их имущество.",
        "В апелляции сроки наказания были снижены, но обвинительные приговоры за участие в организованной преступной группе оставлены в силе.",
        "Один из подсудимых был оправдан за недостаточностью доказательств, остальные осуждены.",
    ],
    "ar": [
        "أدانت المحكمة قادة المجموعة وأمرت بمصادرة أموالهم.",
        "خُففت العقوبات في الاستئناف، لكن أُيّدت الإدانات بتهمة المشاركة في جماعة إجرامية منظمة.",
        "بُرّئ أحد المتهمين لعدم كفاية الأدلة، وأُدين الباقون.",
    ],
    "zh": [
        "法院判定主犯有罪，并下令没收其财产。",
        "二审减轻了刑期，但维持了参加有组织犯罪集团罪的定罪。",
        "一名被告人因证据不足被宣告无罪，其余被告人被判有罪。",
    ],
}

COOPERATION: dict[str, list[str]] = {
    "en": [
        "Evidence was obtained from two other States through mutual legal assistance, and one witness testified by video link.",
        "A joint investigation team with a neighbouring State gathered the financial evidence.",
        "The main defendant was extradited after a request based on the Convention.",
    ],
    "fr": [
        "Des preuves ont été obtenues de deux autres États par l'entraide judiciaire, et un témoin a déposé par visioconférence.",
        "Une équipe commune d'enquête constituée avec un État voisin a réuni les preuves financières.",
        "Le principal prévenu a été extradé à la suite d'une demande fondée sur la Convention.",
    ],
    "es": [
        "Se obtuvieron pruebas de otros dos Estados mediante asistencia judicial recíproca, y un testigo declaró por videoconferencia.",
        "Un equipo conjunto de investigación con un Estado vecino reunió las pruebas financieras.",
        "El principal acusado fue extraditado tras una solicitud basada en la Convención.",
    ],
    "ru": [
        "Доказательства были получены от двух других государств в порядке взаимной правовой помощи, а один свидетель дал показания по видеосвязи.",
        "Финансовые доказательства собрала совместная следственная группа, созданная с соседним государством.",
        "Главный обвиняемый был выдан по запросу, основанному на Конвенции.",
    ],
    "ar": [
        "جرى الحصول على أدلة من دولتين أخريين عن طريق المساعدة القانونية المتبادلة، وأدلى أحد الشهود بشهادته عبر الاتصال المرئي.",
        "تولّى فريق تحقيق مشترك مع دولة مجاورة جمع الأدلة المالية.",
        "سُلّم المتهم الرئيسي بناءً على طلب استند إلى الاتفاقية.",
    ],
    "zh": [
        "通过司法协助从另外两个国家取得了证据，一名证人通过视频连线作证。",
        "与邻国组建的联合调查组收集了金融证据。",
        "主要被告人根据以《公约》为依据的请求被引渡。",
    ],
}
COOPERATION_CODES = [
    (["mla"], ["video_link_testimony"], ["mutual-legal-assistance"], ["UNTOC-18"]),
    (
        ["joint_investigation"],
        ["joint_investigation_team", "financial_investigation"],
        ["joint-investigations"],
        ["UNTOC-19"],
    ),
    (["extradition"], ["interception_of_communications"], ["extradition"], ["UNTOC-16"]),
]

TITLES = {
    "en": "Public Prosecutor v. {name} and others (fictional)",
    "fr": "Ministère public c. {name} et autres (fictif)",
    "es": "Fiscalía c. {name} y otros (ficticio)",
    "ru": "Прокуратура против {name} и других (вымышленное дело)",
    "ar": "النيابة العامة ضد {name} وآخرين (قضية خيالية)",
    "zh": "检察机关诉{name}等人案（虚构）",
}
COURTS = {
    "en": ["High Court", "Court of Appeal", "Supreme Court", "Regional Criminal Court"],
    "fr": ["Tribunal correctionnel", "Cour d'appel", "Cour de cassation", "Cour d'assises"],
    "es": ["Audiencia Provincial", "Tribunal Superior", "Tribunal Supremo", "Juzgado de lo Penal"],
    "ru": ["Областной суд", "Апелляционный суд", "Верховный суд", "Районный суд"],
    "ar": ["محكمة الجنايات", "محكمة الاستئناف", "محكمة النقض", "المحكمة الابتدائية"],
    "zh": ["中级人民法院", "高级人民法院", "最高人民法院", "基层人民法院"],
}
COURT_LEVELS = ["first_instance", "appeal", "supreme", "first_instance"]
NAMES = {
    "en": [
        "Harlan Voss",
        "Della Marquet",
        "Osric Penhale",
        "Tamsin Greave",
        "Rowan Eskdale",
        "Ivo Brannock",
    ],
    "fr": [
        "Lucien Ferrand",
        "Odile Marchal",
        "Bastien Roux",
        "Maëlle Girard",
        "Armand Thibaut",
        "Nadia Coste",
    ],
    "es": [
        "Ramiro Salcedo",
        "Inés Carvajal",
        "Tomás Echeverri",
        "Lucía Montoya",
        "Braulio Ruiz",
        "Elena Paredes",
    ],
    "ru": [
        "Глеб Воронов",
        "Зоя Климова",
        "Аркадий Лесков",
        "Инна Сорокина",
        "Тимур Бахтин",
        "Вера Лапина",
    ],
    "ar": ["سامر الخطيب", "ليلى حداد", "كريم منصور", "هدى العلي", "نادر سليم", "رانيا يوسف"],
    "zh": ["林海峰", "周晓梅", "陈立新", "王丽华", "赵建国", "刘雪"],
}
ROLES = {
    "en": ["organiser", "recruiter", "driver", "financial manager"],
    "fr": ["organisateur", "recruteur", "chauffeur", "gestionnaire financier"],
    "es": ["organizador", "captador", "conductor", "gestor financiero"],
    "ru": ["организатор", "вербовщик", "водитель", "финансовый распорядитель"],
    "ar": ["منظِّم", "مجنِّد", "سائق", "مدير مالي"],
    "zh": ["组织者", "招募者", "司机", "财务管理人"],
}
SENTENCES = {
    "en": "{n} years' imprisonment",
    "fr": "{n} ans d'emprisonnement",
    "es": "{n} años de prisión",
    "ru": "{n} лет лишения свободы",
    "ar": "السجن {n} سنوات",
    "zh": "有期徒刑{n}年",
}
COMMENTARY = {
    "en": "The judgment is often cited for how it treated evidence obtained abroad.",
    "fr": "Le jugement est souvent cité pour la manière dont il a traité les preuves recueillies à l'étranger.",
    "es": "La sentencia se cita a menudo por el modo en que valoró las pruebas obtenidas en el extranjero.",
    "ru": "Решение часто цитируют в связи с оценкой доказательств, полученных за рубежом.",
    "ar": "يُستشهد بهذا الحكم كثيراً لطريقة تعامله مع الأدلة التي جُمعت في الخارج.",
    "zh": "该判决因其对境外取得证据的处理方式而常被引用。",
}
