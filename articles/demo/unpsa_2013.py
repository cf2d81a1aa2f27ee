"""Demo content for the INePA e-participation portal.

Plain data, no imports. ``ARTICLES`` holds three demo articles; ``ABOUT``
holds the short "About us" text for the site footer. Article bodies are
Markdown; reference anchors (``#ref-1`` ...) match the order of each
article's ``references`` list.
"""

ARTICLES = [
    {
        "key": "unpsa-2013",
        "author": "Simon Delakorda",
        "published_at": "2013-07-08T10:00:00+02:00",
        "en": {
            "title": ("Partnership with civil society is a key to transformative E-government"),
            "lead": (
                "Looking back on the United Nations Public Service Forum "
                "in Manama, Bahrain, Simon Delakorda argues that "
                "e-government becomes truly transformative only when "
                "governments treat citizens and non-governmental "
                "organisations as partners rather than as an audience."
            ),
            "body": """\
## Introduction

From 24 to 27 June 2013, the United Nations Public Service Forum,
Day and Awards Ceremony (UNPSA 2013) took place in Manama, Kingdom of
Bahrain. This year's edition was devoted to the theme "Transformative
eGovernment and Innovation: Creating a Better Future for All"
[[3]](#ref-3). The forum brought together representatives of
governments, public administrations and other stakeholders to discuss
how digital tools can change the way public institutions work.

One idea deserves particular attention: leadership in e-governance is
not only a matter of technology. Above all, it means involving citizens
and civil society in public decision-making and in the delivery of
public services. When people are no longer treated as passive
recipients of whatever the administration offers, but as co-creators
of policies and services, they come to feel that these policies and
services are also their own. Solutions designed together tend to be
more sustainable, and citizens often contribute practical ideas on how
to achieve more with fewer resources.

## Major challenges

Governments today face growing expectations from the people they
serve. Broadly speaking, citizens demand three things [[3]](#ref-3):

- effective and equitable public services designed around the needs of
  citizens;
- more transparency and accountability from public institutions;
- a greater say in the decisions that affect their lives.

These demands come at a difficult time. At home, governments must deal
with the economic crisis, climate change, natural disasters, food and
water shortages, and migration. Beyond their borders, they are
confronted with globalisation, the financial crisis, and questions of
peace and security. No administration can respond to all of this alone,
and none can afford to lose public trust along the way.

## The transformative power of e-government

Information and communication technologies, the internet and mobile
devices are powerful tools for good governance and for a continuous
dialogue between the state and its citizens. A well-known example is
the participatory system of Porto Alegre in Brazil, where residents
have for many years helped decide how part of the city budget is spent
[[4]](#ref-4).

Yet experience with such initiatives shows that technology on its own
transforms nothing. The harder challenges lie elsewhere: in how
institutions are organised, in the skills of public servants, in the
kind of leadership that drives change and in the partnerships that
sustain it. Without these foundations, a new online platform easily
becomes just another channel that nobody uses.

## Democratic challenges of the digital society

Transformative e-government therefore calls for leadership that
encourages innovation and is willing to try new approaches. At the same
time, the digital society brings risks of its own. Digital inequality
can shut people without access or skills out of new forms of
participation. Internet censorship, threats to privacy and the
weakening of net neutrality can undermine the very freedoms on which
online democracy depends.

These risks are not technical details to be left to experts. They are
democratic questions that deserve an open public debate in which
citizens and their organisations take part as equals.

## Partnership with civil society

In this setting, governments can act as catalysts of change rather
than as its only authors. Governance is more than government: civil
society organisations and businesses are also agents of change,
bringing their own knowledge, networks and legitimacy. Non-governmental
organisations in particular can act as democratic actors in the
electronic public sphere and give a voice to interests that would
otherwise go unheard [[1]](#ref-1).

A genuine partnership between the public sector and civil society helps
in several ways. It supports inclusive e-government strategies that
take account of the needs of different groups; it leads to services
designed around citizens rather than around administrative procedures;
and, perhaps most importantly, it builds trust between people and
institutions.

## Capacity building is needed

Partnership does not arise on its own. It requires independent,
community-based and sustainable NGO intermediaries, as well as
public-private partnerships, that can connect top-down e-governance
with grass-roots digital democracy [[2]](#ref-2). Such intermediaries
translate between the language of institutions and the everyday
concerns of local communities, and they help ensure that taking part
online has real consequences.

To play this role, NGOs need expertise, time, staff and stable funding,
as well as opportunities to network with one another and with partners
in Europe and beyond [[1]](#ref-1) [[2]](#ref-2). Investing in these
capacities means investing in the quality of democracy itself.
Governments that want their e-government to be truly transformative
would do well to treat civil society as a partner, not as an audience,
from the very beginning.

More about the event is available from The Global Network on Public
Administration (UNPAN) and from The eGovernment Authority of Bahrain.
""",
        },
        "sl": {
            "title": ("Partnerstvo s civilno družbo je ključ do preobrazbene e-uprave"),
            "lead": (
                "Simon Delakorda se ozira na Forum Združenih narodov o "
                "javnih službah v Manami v Bahrajnu in poudarja, da "
                "e-uprava postane resnično preobrazbena šele takrat, ko "
                "vlade državljane in nevladne organizacije obravnavajo "
                "kot partnerje in ne kot občinstvo."
            ),
            "body": """\
## Uvod

Od 24. do 27. junija 2013 je v Manami v Kraljevini Bahrajn potekal
Forum Združenih narodov o javnih službah, ki sta ga spremljala dan
javnih služb in slovesna podelitev nagrad (UNPSA 2013). Letošnja
izvedba je bila posvečena temi »Transformative eGovernment and
Innovation: Creating a Better Future for All« (Preobrazbena e-uprava in
inovacije: ustvarjanje boljše prihodnosti za vse) [[3]](#ref-3). Forum
je združil predstavnike vlad, javnih uprav in drugih deležnikov, ki so
razpravljali o tem, kako lahko digitalna orodja spremenijo delovanje
javnih institucij.

Posebno pozornost si zasluži ena misel: vodilna vloga na področju
e-upravljanja ni zgolj vprašanje tehnologije. Pomeni predvsem
vključevanje državljanov in civilne družbe v javno odločanje in v
izvajanje javnih storitev. Ko ljudje niso več obravnavani kot pasivni
prejemniki tega, kar jim ponuja uprava, temveč kot soustvarjalci
politik in storitev, začutijo, da so te politike in storitve tudi
njihove. Skupaj zasnovane rešitve so praviloma trajnejše, državljani
pa pogosto prispevajo praktične zamisli, kako z manj sredstvi doseči
več.

## Glavni izzivi

Vlade se danes soočajo z vse večjimi pričakovanji ljudi, ki jim
služijo. Na splošno državljani zahtevajo tri stvari [[3]](#ref-3):

- učinkovite in pravične javne storitve, zasnovane po meri državljanov;
- več preglednosti in odgovornosti javnih institucij;
- več besede pri odločitvah, ki vplivajo na njihova življenja.

Te zahteve se pojavljajo v težavnem času. Doma se morajo vlade
spopadati z gospodarsko krizo, podnebnimi spremembami, naravnimi
nesrečami, pomanjkanjem hrane in vode ter z migracijami. Zunaj svojih
meja se soočajo z globalizacijo, finančno krizo ter vprašanji miru in
varnosti. Nobena uprava se na vse to ne more odzvati sama in nobena si
pri tem ne more privoščiti, da bi izgubila zaupanje javnosti.

## Preobrazbena moč e-uprave

Informacijsko-komunikacijske tehnologije, internet in mobilne naprave
so močna orodja za dobro upravljanje in za stalen dialog med državo in
državljani. Znan primer je participativni sistem brazilskega mesta
Porto Alegre, kjer prebivalci že vrsto let soodločajo o tem, za kaj se
porabi del mestnega proračuna [[4]](#ref-4).

Izkušnje s takšnimi pobudami pa kažejo, da tehnologija sama po sebi
ničesar ne preobrazi. Težji izzivi so drugje: v tem, kako so
institucije organizirane, v znanju in veščinah javnih uslužbencev, v
vodenju, ki žene spremembe, in v partnerstvih, ki jih ohranjajo. Brez
teh temeljev nova spletna platforma hitro postane le še en kanal, ki ga
nihče ne uporablja.

## Demokratični izzivi digitalne družbe

Preobrazbena e-uprava zato potrebuje vodenje, ki spodbuja inovacije in
si upa preizkušati nove pristope. Hkrati pa digitalna družba prinaša
tudi svoja tveganja. Digitalna neenakost lahko iz novih oblik
sodelovanja izključi ljudi, ki nimajo dostopa ali potrebnih veščin.
Cenzura interneta, grožnje zasebnosti in slabljenje nevtralnosti
interneta lahko spodkopljejo prav tiste svoboščine, na katerih temelji
spletna demokracija.

Ta tveganja niso tehnične podrobnosti, ki bi jih lahko prepustili
strokovnjakom. Gre za demokratična vprašanja, ki si zaslužijo odprto
javno razpravo, v kateri državljani in njihove organizacije sodelujejo
kot enakovredni udeleženci.

## Partnerstvo s civilno družbo

V takšnih okoliščinah lahko vlade delujejo kot katalizatorji sprememb,
ne pa kot njihove edine avtorice. Upravljanje presega delovanje vlade:
tudi organizacije civilne družbe in gospodarstvo so nosilci sprememb,
saj prinašajo lastno znanje, povezave in legitimnost. Zlasti nevladne
organizacije (NVO) lahko v elektronski javni sferi nastopajo kot
demokratični akterji in dajo glas interesom, ki bi sicer ostali
neslišani [[1]](#ref-1).

Pristno partnerstvo med javnim sektorjem in civilno družbo koristi na
več načinov. Podpira vključujoče strategije e-uprave, ki upoštevajo
potrebe različnih skupin, vodi k storitvam, zasnovanim po meri
državljanov in ne po meri upravnih postopkov, in, kar je morda
najpomembnejše, krepi zaupanje med ljudmi in institucijami.

## Potrebna je krepitev zmogljivosti

Partnerstvo ne nastane samo od sebe. Potrebni so neodvisni, v
skupnosti zasidrani in dolgoročno vzdržni posredniki iz vrst NVO ter
javno-zasebna partnerstva, ki lahko e-upravljanje, ki poteka od zgoraj
navzdol, povežejo z digitalno demokracijo, ki raste od spodaj
[[2]](#ref-2). Takšni posredniki prevajajo med jezikom institucij in
vsakdanjimi skrbmi lokalnih skupnosti ter pomagajo zagotoviti, da ima
spletno sodelovanje resnične posledice.

Da bi lahko NVO to vlogo opravljale, potrebujejo strokovno znanje,
čas, kadre in stabilno financiranje ter priložnosti za povezovanje med
seboj in s partnerji v Evropi in drugod [[1]](#ref-1) [[2]](#ref-2).
Vlaganje v te zmogljivosti je vlaganje v kakovost same demokracije.
Vlade, ki želijo, da bi bila njihova e-uprava resnično preobrazbena, bi
ravnale modro, če bi civilno družbo že od samega začetka obravnavale
kot partnerko in ne kot občinstvo.

Več o dogodku je na voljo pri Globalni mreži za javno upravo (The
Global Network on Public Administration, UNPAN) in pri Agenciji za
e-upravo Kraljevine Bahrajn (The eGovernment Authority of Bahrain).
""",
        },
        "references": [
            {
                "citation": (
                    "Delakorda, Simon. 2013. Theoretical approaches to "
                    "non-governmental organizations as democratic actor "
                    "of electronic public sphere. PhD Colloquium paper, "
                    "5th International Conference on eParticipation, "
                    "17–19 September 2013, Koblenz, Germany."
                ),
                "url": "",
            },
            {
                "citation": (
                    "Delakorda, Simon. 2013. Conceptual and practical "
                    "considerations for NGO e-participation at local "
                    "level in Europe. In: Local Citizen Participation "
                    "across Europe, ed. Joerg Forbrig. Central and "
                    "Eastern European Citizens Network (to be published)."
                ),
                "url": "",
            },
            {
                "citation": (
                    "United Nations. 2013. Overall Aide Memoire (PDF). "
                    "Public Service Forum Day and Awards Ceremony "
                    '"Transformative eGovernment and Innovation: '
                    'Creating a Better Future for All", 24–27 June '
                    "2013, Manama, Kingdom of Bahrain."
                ),
                "url": "",
            },
            {
                "citation": "Wikipedia. 2013.",
                "url": "",
            },
        ],
        "images": [
            {
                "caption_en": "Bahrain UNPSA 2013 E-government",
                "caption_sl": "Bahrajn, UNPSA 2013, e-uprava",
                "alt_en": (
                    "Illustration: a coloured banner with the words "
                    "'UNPSA 2013 · Manama', standing in for a photo "
                    "from the e-government forum in Bahrain."
                ),
                "alt_sl": (
                    "Ilustracija: barvna pasica z napisom "
                    "»UNPSA 2013 · Manama«, ki nadomešča fotografijo s "
                    "foruma o e-upravi v Bahrajnu."
                ),
                "motif": "UNPSA 2013 · Manama",
            },
            {
                "caption_en": "UNPSA 2013 Citizens participation workshop",
                "caption_sl": ("UNPSA 2013, delavnica o sodelovanju državljanov"),
                "alt_en": (
                    "Illustration: a coloured banner with the words "
                    "'UNPSA 2013 · Workshop', standing in for a photo "
                    "from the citizen participation workshop."
                ),
                "alt_sl": (
                    "Ilustracija: barvna pasica z napisom "
                    "»UNPSA 2013 · Workshop«, ki nadomešča fotografijo z "
                    "delavnice o sodelovanju državljanov."
                ),
                "motif": "UNPSA 2013 · Workshop",
            },
            {
                "caption_en": "UNPSA 2013 E-government INePA",
                "caption_sl": "UNPSA 2013, e-uprava, INePA",
                "alt_en": (
                    "Illustration: a coloured banner with the words "
                    "'INePA · UNPSA 2013', standing in for a photo "
                    "captioned 'UNPSA 2013 E-government INePA'."
                ),
                "alt_sl": (
                    "Ilustracija: barvna pasica z napisom "
                    "»INePA · UNPSA 2013«, ki nadomešča fotografijo "
                    "z naslovom »UNPSA 2013, e-uprava, INePA«."
                ),
                "motif": "INePA · UNPSA 2013",
            },
        ],
    },
    {
        "key": "open-consultations-2026",
        "author": "INePA",
        "published_at": "2026-11-20T09:00:00+01:00",
        "en": {
            "title": "Comment and vote on draft policies on our portal",
            "lead": (
                "Citizens can now take part in public consultations "
                "directly on the INePA portal: read a draft policy, "
                "comment on it, vote, and download the results as a "
                "PDF dossier."
            ),
            "body": """\
The INePA e-participation portal has a new feature for public
consultations. Each draft policy published for consultation stays open
for a clearly stated period. During that time, registered participants
can comment on individual sections of the draft, reply to comments
from others and vote on the proposals.

When the consultation closes, the organiser reviews all contributions
and publishes an official response explaining which suggestions were
taken into account and why. The draft, the comments, the votes and the
response are then gathered into a dossier that anyone can download as
a PDF file.

To show how this works in practice, we have prepared a demo
consultation on draft guidelines for involving NGOs in e-government
services, together with a closed consultation whose results are
already published. Both drafts and all of their participants are
invented purely for demonstration.

Comments are handled by the portal itself rather than by an external
service, so reading and joining a discussion sends no data to third
parties.

We invite NGOs, public institutions and individual citizens to try the
new feature and to tell us what we could improve.
""",
        },
        "sl": {
            "title": (
                "Na našem portalu lahko zdaj komentirate osnutke politik in glasujete o njih"
            ),
            "lead": (
                "Državljani lahko v javnih posvetovanjih zdaj sodelujejo "
                "neposredno na portalu INePA: preberejo osnutek, ga "
                "komentirajo, glasujejo o predlogih in izide prenesejo "
                "kot dosje v obliki PDF."
            ),
            "body": """\
Portal za e-participacijo Zavoda INePA ima novo funkcijo za javna
posvetovanja. Vsak osnutek politike, ki je dan v javno posvetovanje,
je odprt v jasno določenem obdobju. V tem času lahko registrirani
udeleženci komentirajo posamezne dele osnutka, odgovarjajo na
komentarje drugih in glasujejo o predlogih.

Ko se posvetovanje zaključi, organizator pregleda vse prispevke in
objavi uradni odziv, v katerem pojasni, katere predloge je upošteval
in zakaj. Osnutek, komentarji, glasovi in odziv se nato zberejo v
dosje, ki ga lahko vsakdo prenese kot datoteko PDF.

Da si boste lažje predstavljali, kako vse skupaj deluje v praksi,
smo pripravili predstavitveno posvetovanje o osnutku smernic za
vključevanje nevladnih organizacij v storitve e-uprave, poleg tega pa
še zaključeno posvetovanje z že objavljenimi izidi. Oba osnutka in
vsi njuni udeleženci so izmišljeni in služijo zgolj predstavitvi.

Komentarje upravlja portal sam, brez zunanjih storitev, zato se ob
branju razprave ali sodelovanju v njej nobeni podatki ne pošiljajo
tretjim osebam.

Nevladne organizacije, javne institucije in posamezne državljane
vabimo, da novo funkcijo preizkusijo in nam sporočijo, kaj bi lahko še
izboljšali.
""",
        },
        "references": [],
        "images": [],
    },
    {
        "key": "e-participation-workshop",
        "author": "INePA",
        "published_at": "2026-10-15T09:00:00+02:00",
        "sl": {
            "title": "Delavnica o e-participaciji za nevladne organizacije",
            "lead": (
                "Predstavnike nevladnih organizacij vabimo na praktično "
                "delavnico o tem, kako s spletnimi orodji javnost "
                "pritegniti k sodelovanju pri odločanju."
            ),
            "body": """\
Zavod INePA pripravlja enodnevno delavnico za nevladne organizacije,
ki bi rade bolje izkoristile možnosti e-participacije. Potekala bo v
četrtek, 19. novembra 2026, v Ljubljani.

Udeleženci bodo spoznali, kako pripraviti spletno posvetovanje, ki ga
ljudje razumejo in se nanj odzovejo, kako voditi razpravo in kako
prispevke strniti v jasno poročilo za odločevalce. Na praktičnih
primerih bomo skupaj zasnovali kratko posvetovanje in razmislili, kako
udeležencem po zaključku posvetovanja sporočiti, kaj se je zgodilo z
njihovimi predlogi. Na koncu bo dovolj časa za vprašanja in izmenjavo
izkušenj, gradiva pa bodo udeleženci prejeli po elektronski pošti.

Delavnica je namenjena predvsem manjšim NVO, ki z e-participacijo
šele začenjajo. Predznanje ni potrebno, priporočamo pa, da prinesete
svoj prenosni računalnik.

Udeležba je brezplačna, število mest pa je omejeno. Podrobnosti o
prijavi bomo kmalu objavili na tej strani. Vabljeni!
""",
        },
        "en": {"title": "", "lead": "", "body": ""},
        "references": [],
        "images": [],
    },
]

ABOUT = {
    "sl": (
        "Zavod INePA, Inštitut za elektronsko participacijo, je prva "
        "strokovna nevladna organizacija v Sloveniji, ki se z novimi "
        "spletnimi tehnologijami posveča demokraciji in sodelovanju "
        "javnosti. Ponujamo strokovno znanje in smo partner pri "
        "projektih e-participacije in e-demokracije."
    ),
    "en": (
        "Zavod INePA, the Institute for Electronic Participation, is "
        "the first professional non-governmental organisation in "
        "Slovenia to work on democracy and public participation "
        "through new web technologies. We offer expertise and act as "
        "a partner in e-participation and e-democracy projects."
    ),
}
