# ruff: noqa: E501  (prose data: one sentence per line reads better than wrapped fragments)
"""Building blocks for fictional demo legislation, treaties, strategies and publications.

Every provision is a short paraphrase in Palermo's own words of what such laws commonly do.
"""

from __future__ import annotations

# subject → (crime types, issues, {language: law title}, [(reference, articles, {language: text})])
LAWS: dict[
    str, tuple[list[str], list[str], dict[str, str], list[tuple[str, list[str], dict[str, str]]]]
] = {
    "mla": (
        [],
        ["mutual-legal-assistance", "extradition", "international-cooperation"],
        {
            "en": "Act No. {n} on International Cooperation in Criminal Matters",
            "fr": "Loi n° {n} relative à la coopération internationale en matière pénale",
            "es": "Ley n.º {n} de cooperación internacional en materia penal",
            "ru": "Закон № {n} о международном сотрудничестве по уголовным делам",
            "ar": "القانون رقم {n} بشأن التعاون الدولي في المسائل الجنائية",
            "zh": "第{n}号刑事司法国际合作法",
        },
        [
            (
                "Art. 4",
                ["UNTOC-18"],
                {
                    "en": "The Ministry of Justice acts as central authority: it receives foreign requests for assistance, checks them and sends them to the competent prosecutor.",
                    "fr": "Le ministère de la Justice est l'autorité centrale : il reçoit les demandes d'entraide étrangères, les examine et les transmet au parquet compétent.",
                    "es": "El Ministerio de Justicia es la autoridad central: recibe las solicitudes extranjeras de asistencia, las examina y las remite a la fiscalía competente.",
                    "ru": "Центральным органом является Министерство юстиции: оно принимает иностранные запросы о помощи, проверяет их и направляет компетентному прокурору.",
                    "ar": "تتولى وزارة العدل مهام السلطة المركزية، فتتلقى طلبات المساعدة الأجنبية وتفحصها وتحيلها إلى النيابة المختصة.",
                    "zh": "司法部为中央机关，负责接收外国司法协助请求，进行审查并转交主管检察机关。",
                },
            ),
            (
                "Art. 11",
                ["UNTOC-18"],
                {
                    "en": "Assistance may be refused only where executing the request would harm sovereignty, security or public order; bank secrecy is not a ground for refusal.",
                    "fr": "L'entraide ne peut être refusée que si l'exécution de la demande porte atteinte à la souveraineté, à la sécurité ou à l'ordre public ; le secret bancaire n'est pas un motif de refus.",
                    "es": "La asistencia solo podrá denegarse si la ejecución de la solicitud menoscaba la soberanía, la seguridad o el orden público; el secreto bancario no es motivo de denegación.",
                    "ru": "В помощи может быть отказано, только если исполнение запроса нанесёт ущерб суверенитету, безопасности или публичному порядку; банковская тайна не является основанием для отказа.",
                    "ar": "لا يجوز رفض المساعدة إلا إذا كان تنفيذ الطلب يمس السيادة أو الأمن أو النظام العام، ولا تُعدّ السرية المصرفية سبباً للرفض.",
                    "zh": "仅在执行请求将损害主权、安全或公共秩序时方可拒绝协助；银行保密不构成拒绝理由。",
                },
            ),
            (
                "Art. 23",
                ["UNTOC-16"],
                {
                    "en": "Extradition requires that the conduct is punishable in both States by at least one year of imprisonment; where no treaty exists, the Convention may serve as the legal basis.",
                    "fr": "L'extradition suppose que les faits soient punis dans les deux États d'au moins un an d'emprisonnement ; à défaut de traité, la Convention peut servir de base légale.",
                    "es": "La extradición exige que la conducta sea punible en ambos Estados con al menos un año de prisión; a falta de tratado, la Convención puede servir de base jurídica.",
                    "ru": "Выдача допускается, если деяние наказуемо в обоих государствах лишением свободы не менее одного года; при отсутствии договора правовой основой может служить Конвенция.",
                    "ar": "يشترط التسليم أن يكون الفعل معاقباً عليه في الدولتين بالسجن مدة لا تقل عن سنة، ويجوز اعتماد الاتفاقية أساساً قانونياً عند عدم وجود معاهدة.",
                    "zh": "引渡要求该行为在两国均可判处一年以上监禁；无条约时，可以《公约》作为法律依据。",
                },
            ),
        ],
    ),
    "aml": (
        ["money-laundering"],
        ["confiscation-asset-recovery", "money-laundering-controls"],
        {
            "en": "Law No. {n} on the Prevention of Money Laundering and the Confiscation of Proceeds of Crime",
            "fr": "Loi n° {n} relative à la prévention du blanchiment et à la confiscation des produits du crime",
            "es": "Ley n.º {n} de prevención del blanqueo de capitales y decomiso del producto del delito",
            "ru": "Закон № {n} о противодействии отмыванию доходов и конфискации доходов от преступлений",
            "ar": "القانون رقم {n} بشأن مكافحة غسل الأموال ومصادرة عائدات الجريمة",
            "zh": "第{n}号预防洗钱和没收犯罪所得法",
        },
        [
            (
                "Art. 2",
                ["UNTOC-6"],
                {
                    "en": "Whoever converts, transfers or conceals property knowing that it comes from a crime commits money laundering, whatever the crime from which it comes.",
                    "fr": "Commet un blanchiment quiconque convertit, transfère ou dissimule des biens en sachant qu'ils proviennent d'une infraction, quelle que soit cette infraction.",
                    "es": "Comete blanqueo quien convierta, transfiera u oculte bienes sabiendo que proceden de un delito, cualquiera que sea ese delito.",
                    "ru": "Отмыванием признаётся преобразование, перевод или сокрытие имущества лицом, знающим о его преступном происхождении, независимо от вида основного преступления.",
                    "ar": "يرتكب جريمة غسل الأموال كل من يحوّل أموالاً أو ينقلها أو يخفيها وهو يعلم أنها متحصلة من جريمة، أياً كانت تلك الجريمة.",
                    "zh": "明知财产来源于犯罪而转换、转移或隐瞒该财产的，无论上游犯罪为何，均构成洗钱罪。",
                },
            ),
            (
                "Art. 15",
                ["UNTOC-12", "UNTOC-13"],
                {
                    "en": "Courts may order the confiscation of proceeds and instrumentalities, and may enforce a foreign confiscation order once it is recognised.",
                    "fr": "Les juridictions peuvent ordonner la confiscation des produits et instruments de l'infraction et exécuter une décision étrangère de confiscation après sa reconnaissance.",
                    "es": "Los tribunales pueden ordenar el decomiso del producto y los instrumentos del delito y ejecutar una orden de decomiso extranjera una vez reconocida.",
                    "ru": "Суды вправе конфисковать доходы и орудия преступления, а также исполнять иностранное решение о конфискации после его признания.",
                    "ar": "يجوز للمحاكم أن تأمر بمصادرة العائدات والأدوات الإجرامية، وأن تنفذ أمر المصادرة الأجنبي بعد الاعتراف به.",
                    "zh": "法院可下令没收犯罪所得和犯罪工具，并可在承认后执行外国没收令。",
                },
            ),
        ],
    ),
    "tip": (
        ["trafficking-in-persons", "smuggling-of-migrants"],
        ["witness-victim-protection", "prevention"],
        {
            "en": "Act No. {n} on Combating Trafficking in Persons and Protecting Victims",
            "fr": "Loi n° {n} relative à la lutte contre la traite des personnes et à la protection des victimes",
            "es": "Ley n.º {n} contra la trata de personas y de protección de las víctimas",
            "ru": "Закон № {n} о противодействии торговле людьми и защите потерпевших",
            "ar": "القانون رقم {n} بشأن مكافحة الاتجار بالأشخاص وحماية الضحايا",
            "zh": "第{n}号打击贩运人口和保护被害人法",
        },
        [
            (
                "Sec. 3",
                ["TIP-3", "TIP-5"],
                {
                    "en": "Recruiting, moving or harbouring a person by force, deception or abuse of vulnerability for the purpose of exploitation is an offence; the victim's consent is irrelevant.",
                    "fr": "Constitue une infraction le fait de recruter, transporter ou héberger une personne par la force, la tromperie ou l'abus de vulnérabilité aux fins d'exploitation ; le consentement de la victime est indifférent.",
                    "es": "Es delito captar, trasladar o acoger a una persona mediante fuerza, engaño o abuso de vulnerabilidad con fines de explotación; el consentimiento de la víctima es irrelevante.",
                    "ru": "Вербовка, перевозка или укрывательство человека с применением силы, обмана или использованием его уязвимости в целях эксплуатации является преступлением; согласие потерпевшего значения не имеет.",
                    "ar": "يُعدّ جريمةً تجنيدُ شخص أو نقله أو إيواؤه بالقوة أو الخداع أو استغلال ضعفه بغرض الاستغلال، ولا يُعتدّ برضا الضحية.",
                    "zh": "以暴力、欺骗或利用弱势地位招募、运送或窝藏他人以进行剥削的，构成犯罪；被害人同意与否不影响定罪。",
                },
            ),
            (
                "Sec. 12",
                ["TIP-6", "UNTOC-24"],
                {
                    "en": "Victims receive shelter, medical care and legal aid, and may give evidence without facing the accused.",
                    "fr": "Les victimes bénéficient d'un hébergement, de soins médicaux et d'une aide juridique, et peuvent témoigner sans être confrontées à l'accusé.",
                    "es": "Las víctimas reciben alojamiento, atención médica y asistencia jurídica, y pueden declarar sin enfrentarse al acusado.",
                    "ru": "Потерпевшим предоставляются жильё, медицинская и юридическая помощь; они могут давать показания без очной встречи с обвиняемым.",
                    "ar": "يحصل الضحايا على المأوى والرعاية الطبية والمساعدة القانونية، ويجوز لهم الإدلاء بشهاداتهم دون مواجهة المتهم.",
                    "zh": "被害人可获得庇护、医疗和法律援助，并可在不与被告人对质的情况下作证。",
                },
            ),
        ],
    ),
    "ocg": (
        ["participation-in-organized-criminal-group", "obstruction-of-justice"],
        ["special-investigative-techniques", "jurisdiction"],
        {
            "en": "Criminal Code, Chapter {n}: Organized Crime",
            "fr": "Code pénal, chapitre {n} : criminalité organisée",
            "es": "Código Penal, capítulo {n}: delincuencia organizada",
            "ru": "Уголовный кодекс, глава {n}: организованная преступность",
            "ar": "قانون العقوبات، الفصل {n}: الجريمة المنظمة",
            "zh": "刑法第{n}章：有组织犯罪",
        },
        [
            (
                "Art. 210",
                ["UNTOC-5"],
                {
                    "en": "Taking an active part in a structured group of three or more persons that aims to commit serious crimes for material gain is punishable by up to ten years' imprisonment.",
                    "fr": "Le fait de participer activement à un groupe structuré de trois personnes ou plus visant à commettre des infractions graves dans un but lucratif est puni de dix ans d'emprisonnement au plus.",
                    "es": "Participar activamente en un grupo estructurado de tres o más personas que tenga por fin cometer delitos graves con ánimo de lucro se castiga con hasta diez años de prisión.",
                    "ru": "Активное участие в структурированной группе из трёх или более лиц, созданной для совершения тяжких преступлений ради материальной выгоды, наказывается лишением свободы на срок до десяти лет.",
                    "ar": "يُعاقب بالسجن مدة لا تزيد على عشر سنوات كل من يشارك مشاركة فعلية في جماعة منظمة مؤلفة من ثلاثة أشخاص أو أكثر تهدف إلى ارتكاب جرائم خطيرة لتحقيق منفعة مادية.",
                    "zh": "积极参加由三人以上组成、以牟取物质利益为目的实施严重犯罪的有组织集团的，处十年以下有期徒刑。",
                },
            ),
            (
                "Art. 214",
                ["UNTOC-20", "UNTOC-23"],
                {
                    "en": "A judge may authorise controlled deliveries, undercover operations and interception of communications when investigating organized crime.",
                    "fr": "Le juge peut autoriser des livraisons surveillées, des opérations d'infiltration et l'interception des communications dans les enquêtes sur la criminalité organisée.",
                    "es": "El juez puede autorizar entregas vigiladas, operaciones encubiertas e intervención de comunicaciones en las investigaciones sobre delincuencia organizada.",
                    "ru": "При расследовании организованной преступности судья может санкционировать контролируемые поставки, негласные операции и перехват сообщений.",
                    "ar": "يجوز للقاضي، عند التحقيق في الجريمة المنظمة، أن يأذن بالتسليم المراقب والعمليات السرية واعتراض الاتصالات.",
                    "zh": "侦查有组织犯罪时，法官可批准控制下交付、卧底行动和通讯截取。",
                },
            ),
        ],
    ),
    "firearms": (
        ["trafficking-in-firearms"],
        ["prevention"],
        {
            "en": "Firearms and Ammunition Act No. {n}",
            "fr": "Loi n° {n} sur les armes et munitions",
            "es": "Ley n.º {n} de armas de fuego y municiones",
            "ru": "Закон № {n} об оружии и боеприпасах",
            "ar": "القانون رقم {n} بشأن الأسلحة النارية والذخائر",
            "zh": "第{n}号枪支弹药管理法",
        },
        [
            (
                "Sec. 8",
                ["FIREARMS-5", "FIREARMS-8"],
                {
                    "en": "Manufacturing or selling a firearm without marking it, or erasing its marking, is an offence.",
                    "fr": "Constitue une infraction le fait de fabriquer ou de vendre une arme à feu sans marquage, ou d'en effacer le marquage.",
                    "es": "Es delito fabricar o vender un arma de fuego sin marcarla, o borrar su marcado.",
                    "ru": "Изготовление или продажа огнестрельного оружия без маркировки, а также удаление маркировки являются преступлением.",
                    "ar": "يُعدّ جريمةً صنعُ سلاح ناري أو بيعه دون وسم، أو طمس وسمه.",
                    "zh": "制造或销售未加标识的枪支，或者磨除枪支标识的，构成犯罪。",
                },
            ),
        ],
    ),
}

TREATY_TITLES = {
    "mla": {
        "en": "Treaty between {a} and {b} on Mutual Legal Assistance in Criminal Matters (fictional)",
        "fr": "Traité d'entraide judiciaire en matière pénale entre {a} et {b} (fictif)",
        "es": "Tratado de asistencia judicial en materia penal entre {a} y {b} (ficticio)",
        "ru": "Договор между {a} и {b} о взаимной правовой помощи по уголовным делам (вымышленный)",
        "ar": "معاهدة بين {a} و{b} بشأن المساعدة القانونية المتبادلة في المسائل الجنائية (خيالية)",
        "zh": "{a}和{b}关于刑事司法协助的条约（虚构）",
    },
    "extradition": {
        "en": "Extradition Treaty between {a} and {b} (fictional)",
        "fr": "Traité d'extradition entre {a} et {b} (fictif)",
        "es": "Tratado de extradición entre {a} y {b} (ficticio)",
        "ru": "Договор о выдаче между {a} и {b} (вымышленный)",
        "ar": "معاهدة تسليم المجرمين بين {a} و{b} (خيالية)",
        "zh": "{a}和{b}引渡条约（虚构）",
    },
    "transfer_of_sentenced_persons": {
        "en": "Agreement between {a} and {b} on the Transfer of Sentenced Persons (fictional)",
        "fr": "Accord entre {a} et {b} sur le transfèrement des personnes condamnées (fictif)",
        "es": "Acuerdo entre {a} y {b} sobre el traslado de personas condenadas (ficticio)",
        "ru": "Соглашение между {a} и {b} о передаче осуждённых лиц (вымышленное)",
        "ar": "اتفاق بين {a} و{b} بشأن نقل المحكوم عليهم (خيالي)",
        "zh": "{a}和{b}关于移管被判刑人的协定（虚构）",
    },
    "asset_sharing": {
        "en": "Memorandum between {a} and {b} on Sharing Confiscated Assets (fictional)",
        "fr": "Mémorandum entre {a} et {b} sur le partage des avoirs confisqués (fictif)",
        "es": "Memorando entre {a} y {b} sobre reparto de bienes decomisados (ficticio)",
        "ru": "Меморандум между {a} и {b} о разделе конфискованных активов (вымышленный)",
        "ar": "مذكرة بين {a} و{b} بشأن اقتسام الأصول المصادرة (خيالية)",
        "zh": "{a}和{b}关于分享没收资产的备忘录（虚构）",
    },
}
TREATY_SUMMARY = {
    "en": "Sets out how requests are sent between the central authorities, what they must contain and when they may be refused.",
    "fr": "Fixe les modalités de transmission des demandes entre autorités centrales, leur contenu obligatoire et les motifs de refus.",
    "es": "Establece cómo se transmiten las solicitudes entre las autoridades centrales, qué deben contener y cuándo pueden denegarse.",
    "ru": "Определяет порядок передачи запросов между центральными органами, их обязательное содержание и основания для отказа.",
    "ar": "تحدد كيفية إحالة الطلبات بين السلطات المركزية، وما يجب أن تتضمنه، ومتى يجوز رفضها.",
    "zh": "规定中央机关之间转递请求的方式、请求应包含的内容以及可拒绝请求的情形。",
}
REGIONAL_TREATIES = {
    "en": "{region} Convention on Cooperation in Criminal Matters, {year} (fictional)",
    "fr": "Convention de {region} sur la coopération en matière pénale, {year} (fictive)",
    "es": "Convenio de {region} sobre cooperación en materia penal, {year} (ficticio)",
    "ru": "Конвенция {region} о сотрудничестве по уголовным делам {year} года (вымышленная)",
    "ar": "اتفاقية {region} للتعاون في المسائل الجنائية لعام {year} (خيالية)",
    "zh": "{year}年{region}刑事合作公约（虚构）",
}
STRATEGY_THEMES = {
    "en": [
        "Transnational Organized Crime",
        "Trafficking in Persons",
        "Money Laundering",
        "Illicit Firearms",
        "Cybercrime",
    ],
    "fr": [
        "la criminalité transnationale organisée",
        "la traite des personnes",
        "le blanchiment de capitaux",
        "les armes à feu illicites",
        "la cybercriminalité",
    ],
    "es": [
        "la delincuencia organizada transnacional",
        "la trata de personas",
        "el blanqueo de capitales",
        "las armas de fuego ilícitas",
        "la ciberdelincuencia",
    ],
    "ru": [
        "транснациональной организованной преступностью",
        "торговлей людьми",
        "отмыванием денег",
        "незаконным оборотом оружия",
        "киберпреступностью",
    ],
    "ar": [
        "الجريمة المنظمة عبر الوطنية",
        "الاتجار بالأشخاص",
        "غسل الأموال",
        "الأسلحة النارية غير المشروعة",
        "الجريمة السيبرانية",
    ],
    "zh": ["跨国有组织犯罪", "贩运人口", "洗钱", "非法枪支", "网络犯罪"],
}
STRATEGY_CRIMES = [
    "participation-in-organized-criminal-group",
    "trafficking-in-persons",
    "money-laundering",
    "trafficking-in-firearms",
    "cybercrime",
]
STRATEGY_TITLES = {
    "en": "National Strategy against {theme} {start}–{end} (fictional)",
    "fr": "Stratégie nationale de lutte contre {theme} {start}-{end} (fictive)",
    "es": "Estrategia nacional contra {theme} {start}-{end} (ficticia)",
    "ru": "Национальная стратегия борьбы с {theme} на {start}–{end} годы (вымышленная)",
    "ar": "الاستراتيجية الوطنية لمكافحة {theme} {start}–{end} (خيالية)",
    "zh": "{start}—{end}年打击{theme}国家战略（虚构）",
}
STRATEGY_SUMMARY = {
    "en": "Sets priorities for prevention, specialised prosecution units, victim support and faster international cooperation, with yearly progress reports.",
    "fr": "Fixe des priorités en matière de prévention, de parquets spécialisés, d'aide aux victimes et d'accélération de la coopération internationale, avec un rapport d'étape annuel.",
    "es": "Fija prioridades de prevención, fiscalías especializadas, apoyo a las víctimas y una cooperación internacional más ágil, con informes anuales de avance.",
    "ru": "Определяет приоритеты в профилактике, создании специализированных прокурорских подразделений, поддержке потерпевших и ускорении международного сотрудничества; предусматривает ежегодные отчёты.",
    "ar": "تحدد أولويات الوقاية وإنشاء وحدات نيابة متخصصة ودعم الضحايا وتسريع التعاون الدولي، مع تقارير سنوية عن التقدم المحرز.",
    "zh": "确定预防、设立专门检察单位、支持被害人和加快国际合作等优先事项，并要求每年报告进展。",
}
ISSUERS = {
    "en": "Ministry of the Interior",
    "fr": "Ministère de l'Intérieur",
    "es": "Ministerio del Interior",
    "ru": "Министерство внутренних дел",
    "ar": "وزارة الداخلية",
    "zh": "内政部",
}
BOOK_TITLES = {
    "en": [
        "Evidence across borders: {topic}",
        "{topic}: a practitioner's guide",
        "Rethinking {topic} after Palermo",
    ],
    "fr": [
        "La preuve sans frontières : {topic}",
        "{topic} : guide du praticien",
        "Repenser {topic} après Palerme",
    ],
    "es": [
        "La prueba más allá de las fronteras: {topic}",
        "{topic}: guía para profesionales",
        "Repensar {topic} después de Palermo",
    ],
    "ru": [
        "Доказательства без границ: {topic}",
        "{topic}: практическое руководство",
        "Переосмысляя {topic} после Палермо",
    ],
    "ar": [
        "الأدلة عبر الحدود: {topic}",
        "{topic}: دليل للممارسين",
        "إعادة التفكير في {topic} بعد باليرمو",
    ],
    "zh": ["跨境证据：{topic}", "{topic}：实务指南", "巴勒莫之后再思{topic}"],
}
TOPICS = {
    "en": [
        "mutual legal assistance",
        "asset recovery",
        "joint investigation teams",
        "electronic evidence",
        "extradition",
    ],
    "fr": [
        "l'entraide judiciaire",
        "le recouvrement des avoirs",
        "les équipes communes d'enquête",
        "la preuve électronique",
        "l'extradition",
    ],
    "es": [
        "la asistencia judicial recíproca",
        "la recuperación de activos",
        "los equipos conjuntos de investigación",
        "la prueba electrónica",
        "la extradición",
    ],
    "ru": [
        "взаимная правовая помощь",
        "возвращение активов",
        "совместные следственные группы",
        "электронные доказательства",
        "выдача",
    ],
    "ar": [
        "المساعدة القانونية المتبادلة",
        "استرداد الأصول",
        "فرق التحقيق المشتركة",
        "الأدلة الإلكترونية",
        "تسليم المجرمين",
    ],
    "zh": ["司法协助", "资产追回", "联合调查组", "电子证据", "引渡"],
}
TOPIC_ISSUES = [
    "mutual-legal-assistance",
    "confiscation-asset-recovery",
    "joint-investigations",
    "electronic-evidence",
    "extradition",
]
TOPIC_ARTICLES = [
    ["UNTOC-18"],
    ["UNTOC-13", "UNTOC-14"],
    ["UNTOC-19"],
    ["UNTOC-18", "UNTOC-27"],
    ["UNTOC-16"],
]
ABSTRACTS = {
    "en": "Drawing on interviews with prosecutors and central authorities, the author compares how requests are drafted, sent and executed, and proposes practical checklists.",
    "fr": "À partir d'entretiens avec des procureurs et des autorités centrales, l'auteur compare la rédaction, la transmission et l'exécution des demandes et propose des listes de contrôle pratiques.",
    "es": "A partir de entrevistas con fiscales y autoridades centrales, el autor compara cómo se redactan, transmiten y ejecutan las solicitudes y propone listas de verificación prácticas.",
    "ru": "На основе интервью с прокурорами и сотрудниками центральных органов автор сравнивает подготовку, передачу и исполнение запросов и предлагает практические контрольные списки.",
    "ar": "استناداً إلى مقابلات مع أعضاء النيابة العامة والسلطات المركزية، يقارن المؤلف طرق صياغة الطلبات وإحالتها وتنفيذها، ويقترح قوائم مرجعية عملية.",
    "zh": "作者基于对检察官和中央机关的访谈，比较了请求的起草、转递和执行方式，并提出了实用核对清单。",
}
PUBLISHERS = [
    "Meridian Legal Press (fictional)",
    "Journal of Transnational Criminal Justice (fictional)",
    "Institute for Cooperation Studies (fictional)",
    "Harbour University Press (fictional)",
]
AUTHORS = {
    "en": ["M. Ashdown", "K. Pryce", "J. Okafor", "S. Lindqvist"],
    "fr": ["C. Delorme", "A. Benali", "P. Martel", "S. Diallo"],
    "es": ["R. Quintero", "M. Albornoz", "L. Ferreira", "J. Zamora"],
    "ru": ["А. Соболев", "Е. Миронова", "Д. Гаврилов", "Н. Орлова"],
    "ar": ["م. الشامي", "ع. بن يوسف", "س. القاسم", "ن. الزين"],
    "zh": ["李明", "张华", "王静", "陈刚"],
}
