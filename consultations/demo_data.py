"""Demo consultations for the INePA e-participation portal.

Plain data, no imports. ``CITIZENS`` holds six demo participants;
``CONSULTATIONS`` holds one open and one closed consultation. Both drafts,
all participants, comments and votes are invented for demonstration only.

Section bodies and comment bodies are Markdown; titles and summaries are
plain text. A comment's ``section`` is a section key of the same
consultation, or ``None`` for the draft as a whole; ``parent`` is the key
of an earlier top-level comment in the same section (one level of replies).
"""

CITIZENS = [
    {"key": "maja", "email": "maja@demo.inepa.example", "display_name": "Maja K."},
    {"key": "luka", "email": "luka@demo.inepa.example", "display_name": "Luka P."},
    {"key": "ana", "email": "ana@demo.inepa.example", "display_name": "Ana V."},
    {"key": "tomaz", "email": "tomaz@demo.inepa.example", "display_name": "Tomaž R."},
    {"key": "nina", "email": "nina@demo.inepa.example", "display_name": "Nina Š."},
    {"key": "daniel", "email": "daniel@demo.inepa.example", "display_name": "Daniel H."},
]

CONSULTATIONS = [
    {
        "key": "ngo-egov-guidelines",
        "state": "open",
        "sl": {
            "title": ("Osnutek smernic za vključevanje nevladnih organizacij v storitve e-uprave"),
            "summary": (
                "Osnutek smernic določa, kako naj organi javne uprave "
                "vključujejo nevladne organizacije v načrtovanje in razvoj "
                "storitev e-uprave, od zgodnjega posvetovanja do odziva "
                "udeležencem in krepitve zmogljivosti. Vabimo vas, da "
                "komentirate posamezne dele osnutka in o njih glasujete. "
                "Osnutek je izmišljen in služi predstavitvi portala."
            ),
        },
        "en": {
            "title": "Draft guidelines for involving NGOs in e-government services",
            "summary": (
                "The draft guidelines describe how public authorities "
                "should involve NGOs in planning and developing "
                "e-government services, from early consultation to "
                "feedback for participants and capacity building. You are "
                "invited to comment on each section and to vote on it. "
                "This draft is invented to demonstrate the portal."
            ),
        },
        "sections": [
            {
                "key": "purpose",
                "sl": {
                    "heading": "Namen smernic",
                    "body": """\
Smernice določajo, kako organi javne uprave sodelujejo z nevladnimi
organizacijami, ko načrtujejo, razvijajo in izboljšujejo storitve
e-uprave. Njihov cilj je, da državljani in civilna družba niso le
uporabniki digitalnih storitev, temveč tudi njihovi soustvarjalci.

Smernice sledijo trem ciljem:

1. storitve e-uprave naj bodo učinkovite, dostopne in prilagojene
   uporabnikom;
2. odločanje o njih naj bo pregledno, odgovornost zanj pa jasno
   določena;
3. državljani in nevladne organizacije naj imajo resnično možnost
   vplivati na odločitve.

Smernice veljajo za vse nove storitve e-uprave in za večje spremembe
obstoječih storitev. Organi jih uporabljajo smiselno, glede na obseg
storitve in število ljudi, na katere vpliva.
""",
                },
                "en": {
                    "heading": "Purpose of the guidelines",
                    "body": """\
These guidelines set out how public authorities work with
non-governmental organisations when they plan, develop and improve
e-government services. Their aim is for citizens and civil society to
be not only users of digital services but also their co-creators.

The guidelines pursue three goals:

1. e-government services should be effective, accessible and designed
   around their users;
2. decisions about them should be transparent, with clearly assigned
   accountability;
3. citizens and NGOs should have a real chance to influence those
   decisions.

The guidelines apply to all new e-government services and to major
changes to existing ones. Authorities apply them in proportion to the
scope of a service and the number of people it affects.
""",
                },
            },
            {
                "key": "principles",
                "sl": {
                    "heading": "Načela sodelovanja",
                    "body": """\
Organi javne uprave pri sodelovanju z nevladnimi organizacijami
upoštevajo naslednja načela:

- **Zgodnje vključevanje:** nevladne organizacije so k sodelovanju
  povabljene že v fazi načrtovanja, ko so odprte še vse možnosti.
- **Enakopravnost:** sodelujejo lahko vse zainteresirane organizacije,
  ne glede na njihovo velikost ali sedež.
- **Vključenost:** posebna pozornost je namenjena skupinam, ki jim
  digitalna neenakost otežuje dostop do storitev.
- **Preglednost:** gradiva, prispevki in odločitve so javno objavljeni.
- **Varstvo zasebnosti:** pri sodelovanju se zbirajo le nujno potrebni
  osebni podatki.

Partnerstvo z nevladnimi organizacijami ne nadomešča odgovornosti
organa za končno odločitev, temveč jo krepi z znanjem in izkušnjami
skupnosti.
""",
                },
                "en": {
                    "heading": "Principles of cooperation",
                    "body": """\
When working with NGOs, public authorities follow these principles:

- **Early involvement:** NGOs are invited to take part at the planning
  stage, while all options are still open.
- **Equal access:** any interested organisation may take part,
  regardless of its size or location.
- **Inclusion:** particular attention is paid to groups for whom the
  digital divide makes services harder to reach.
- **Transparency:** documents, contributions and decisions are made
  public.
- **Privacy:** only the personal data strictly needed for taking part
  is collected.

Partnership with NGOs does not replace the authority's responsibility
for the final decision; it strengthens that decision with the knowledge
and experience of the community.
""",
                },
            },
            {
                "key": "windows",
                "sl": {
                    "heading": "Roki za posvetovanje",
                    "body": """\
Vsak osnutek, ki vpliva na storitve e-uprave, se objavi na portalu za
javna posvetovanja. Posvetovanje traja **najmanj 30 dni**; v poletnih
mesecih in med prazniki se rok podaljša na 45 dni.

Ob objavi organ navede:

1. kaj je predmet posvetovanja in česa ni več mogoče spremeniti;
2. datum začetka in konca posvetovanja;
3. kontaktno osebo, ki odgovarja na vprašanja.

Krajši rok je dopusten le izjemoma, na primer ob naravnih nesrečah ali
v drugih nujnih razmerah, in mora biti utemeljen. Pri večjih
spremembah organ poleg spletnega posvetovanja pripravi vsaj eno javno
predstavitev, da lahko sodelujejo tudi ljudje brez dostopa do
interneta.
""",
                },
                "en": {
                    "heading": "Consultation windows",
                    "body": """\
Every draft that affects e-government services is published on the
public consultation portal. A consultation lasts **at least 30 days**;
during the summer months and over the holidays, this is extended to
45 days.

When publishing a draft, the authority states:

1. what is open for consultation and what can no longer be changed;
2. the start and end dates of the consultation;
3. a contact person who answers questions.

A shorter period is allowed only exceptionally, for example after a
natural disaster or in another emergency, and must be justified. For
major changes, the authority also holds at least one public
presentation alongside the online consultation, so that people without
internet access can take part as well.
""",
                },
            },
            {
                "key": "feedback",
                "sl": {
                    "heading": "Odziv udeležencem",
                    "body": """\
Organ v 30 dneh po koncu posvetovanja objavi poročilo o posvetovanju.
Poročilo vsebuje:

- povzetek vseh prejetih prispevkov;
- za vsak vsebinski predlog pojasnilo, ali je bil upoštevan, in če ni
  bil, zakaj;
- izide glasovanja o osnutku kot celoti in o njegovih delih;
- opis nadaljnjih korakov s časovnico.

Udeleženci, ki so oddali prispevek, prejmejo obvestilo o objavi
poročila. Prispevki so v poročilu navedeni pod imenom, ki ga je
udeleženec izbral za javni prikaz. Če se osnutek po posvetovanju
bistveno spremeni, organ spremenjeno besedilo ponovno objavi in pojasni
razlike.
""",
                },
                "en": {
                    "heading": "Feedback to participants",
                    "body": """\
Within 30 days of the end of a consultation, the authority publishes a
consultation report. The report contains:

- a summary of all contributions received;
- for each substantive proposal, an explanation of whether it was taken
  into account and, if not, why not;
- the results of the votes on the draft as a whole and on its sections;
- a description of the next steps, with a timeline.

Participants who submitted a contribution are notified when the report
is published. Contributions are listed in the report under the name
each participant chose to display. If the draft changes substantially
after the consultation, the authority publishes the revised text again
and explains the differences.
""",
                },
            },
            {
                "key": "capacity",
                "sl": {
                    "heading": "Krepitev zmogljivosti",
                    "body": """\
Kakovostno sodelovanje zahteva znanje, čas in sredstva. Zato organi
javne uprave:

1. nevladnim organizacijam, ki delujejo kot posrednice med upravo in
   lokalnimi skupnostmi, omogočijo dostop do usposabljanj o
   e-participaciji in digitalnih storitvah;
2. v javnih razpisih namenijo sredstva za dolgoročno sodelovanje
   nevladnih organizacij, ne le za posamezne projekte;
3. podpirajo povezovanje nevladnih organizacij in izmenjavo dobrih
   praks doma in v tujini;
4. svoje zaposlene usposabljajo za vodenje posvetovanj in za
   sodelovanje s civilno družbo.

Pri tem organi spoštujejo neodvisnost nevladnih organizacij.
Financiranje ne sme biti pogojeno s stališči, ki jih organizacija
zagovarja v posvetovanjih.
""",
                },
                "en": {
                    "heading": "Capacity building",
                    "body": """\
Meaningful participation takes expertise, time and resources. Public
authorities therefore:

1. give NGOs that act as intermediaries between the administration and
   local communities access to training in e-participation and digital
   services;
2. set aside funds in public calls for the long-term involvement of
   NGOs, not only for one-off projects;
3. support networking among NGOs and the exchange of good practice at
   home and abroad;
4. train their own staff to run consultations and to work with civil
   society.

In doing so, authorities respect the independence of NGOs. Funding
must never depend on the positions an organisation takes in
consultations.
""",
                },
            },
            {
                "key": "monitoring",
                "sl": {
                    "heading": "Spremljanje in vrednotenje",
                    "body": """\
Izvajanje smernic spremlja delovna skupina, v kateri so enakopravno
zastopani organi javne uprave in nevladne organizacije. Skupina vsako
leto objavi poročilo, ki vsebuje vsaj:

- število izvedenih posvetovanj in prejetih prispevkov;
- delež predlogov, ki so bili upoštevani;
- oceno, kako dostopna so bila posvetovanja za ranljive skupine;
- priporočila za izboljšave.

Poročilo se objavi na portalu za javna posvetovanja, skupaj s
podatki, na katerih temelji, v odprti obliki. Smernice se na podlagi
teh poročil pregledajo najmanj vsaki dve leti. Tudi vsak pregled
smernic poteka kot javno posvetovanje.
""",
                },
                "en": {
                    "heading": "Monitoring and evaluation",
                    "body": """\
Implementation of the guidelines is monitored by a working group in
which public authorities and NGOs are equally represented. Each year,
the group publishes a report that includes at least:

- the number of consultations held and contributions received;
- the share of proposals that were taken into account;
- an assessment of how accessible the consultations were for
  vulnerable groups;
- recommendations for improvement.

The report is published on the public consultation portal, together
with the underlying data in an open format. The guidelines are reviewed
on the basis of these reports at least every two years. Each review is
itself held as a public consultation.
""",
                },
            },
        ],
        "comments": [
            {
                "key": "c1",
                "author": "maja",
                "section": None,
                "language": "sl",
                "body": (
                    "Pozdravljam, da osnutek nevladnih organizacij ne "
                    "obravnava le kot izvajalk projektov, temveč kot "
                    "partnerice pri oblikovanju storitev. Upam samo, da "
                    "smernice ne bodo ostale mrtva črka na papirju."
                ),
                "parent": None,
                "supporters": ["luka", "nina", "ana"],
            },
            {
                "key": "c2",
                "author": "tomaz",
                "section": "purpose",
                "language": "sl",
                "body": (
                    "Formulacija »smiselno, glede na obseg storitve« je "
                    "preohlapna. Kdo bo presodil, kaj je *večja* "
                    "sprememba obstoječe storitve? Predlagam vsaj nekaj "
                    "meril, na primer število uporabnikov."
                ),
                "parent": None,
                "supporters": ["luka", "ana"],
            },
            {
                "key": "c3",
                "author": "ana",
                "section": "principles",
                "language": "sl",
                "body": (
                    "Pri načelu vključenosti pogrešam konkretne ukrepe. "
                    "Kako bodo k sodelovanju povabljeni starejši in "
                    "prebivalci podeželja, ki interneta ne uporabljajo?"
                ),
                "parent": None,
                "supporters": ["tomaz", "maja"],
            },
            {
                "key": "c4",
                "author": "daniel",
                "section": "principles",
                "language": "en",
                "body": (
                    "Glad to see privacy listed as a principle. I would "
                    "also name **accessibility** explicitly: consultation "
                    "pages should meet WCAG 2.1 AA, otherwise blind and "
                    "partially sighted people are left out."
                ),
                "parent": None,
                "supporters": ["nina", "ana"],
            },
            {
                "key": "c5",
                "author": "luka",
                "section": "windows",
                "language": "sl",
                "body": (
                    "Trideset dni je za majhna društva, ki delujejo "
                    "prostovoljno, premalo, saj se upravni odbor pogosto "
                    "sestane le enkrat na mesec. Predlagam **najmanj "
                    "45 dni** za vse osnutke, ne le poleti."
                ),
                "parent": None,
                "supporters": ["maja", "nina", "daniel"],
            },
            {
                "key": "c6",
                "author": "tomaz",
                "section": "windows",
                "language": "sl",
                "body": (
                    "Razumem, vendar daljši roki pomenijo tudi počasnejše "
                    "uvajanje novih storitev. Kaj pa, če bi organi "
                    "posvetovanja napovedali vnaprej, v letnem načrtu? "
                    "Tako bi se društva lahko pravočasno pripravila."
                ),
                "parent": "c5",
                "supporters": ["ana"],
            },
            {
                "key": "c7",
                "author": "daniel",
                "section": "windows",
                "language": "en",
                "body": (
                    "Will drafts also be published in English? Many "
                    "foreign residents use e-government services, but "
                    "they can't follow a consultation that is only in "
                    "Slovenian."
                ),
                "parent": None,
                "supporters": ["ana", "nina"],
            },
            {
                "key": "c8",
                "author": "nina",
                "section": "windows",
                "language": "en",
                "body": (
                    "Good point. In our projects, translating at least "
                    "the summary and the key questions made a big "
                    "difference. A full translation is better still, but "
                    "it can be costly for smaller authorities."
                ),
                "parent": "c7",
                "supporters": ["daniel"],
            },
            {
                "key": "c9",
                "author": "ana",
                "section": "feedback",
                "language": "sl",
                "body": (
                    "Ali bo poročilo o posvetovanju na voljo tudi v lahko "
                    "berljivi obliki? Uradni jezik poročil je za "
                    "marsikoga težko razumljiv."
                ),
                "parent": None,
                "supporters": ["maja"],
            },
            {
                "key": "c10",
                "author": "nina",
                "section": "feedback",
                "language": "sl",
                "body": (
                    "Pri posvetovanjih, ki jih vodimo v našem zavodu, se "
                    "je dobro obnesel kratek povzetek na eni strani, "
                    "objavljen skupaj s celotnim poročilom. Predlagam, da "
                    "se to zapiše kar v smernice."
                ),
                "parent": "c9",
                "supporters": ["ana", "luka"],
            },
            {
                "key": "c11",
                "author": "nina",
                "section": "capacity",
                "language": "sl",
                "body": (
                    "Točka 2 je po mojem ključna. Večina nevladnih "
                    "organizacij dobi sredstva za enoletne projekte, ko "
                    "se projekt konča, pa z zaposlenimi odide tudi znanje. "
                    "Predlagam:\n"
                    "\n"
                    "- večletno financiranje (vsaj tri leta),\n"
                    "- sredstva tudi za stroške dela, ne le za aktivnosti,\n"
                    "- poenostavljeno poročanje."
                ),
                "parent": None,
                "supporters": ["maja", "luka"],
            },
            {
                "key": "c12",
                "author": "tomaz",
                "section": "capacity",
                "language": "sl",
                "body": (
                    "Nisem prepričan, da je dobro, če organ financira "
                    "prav tiste organizacije, ki naj bi njegove predloge "
                    "kritično presojale. To odpira vprašanje neodvisnosti."
                ),
                "parent": None,
                "supporters": [],
            },
            {
                "key": "c13",
                "author": "maja",
                "section": "capacity",
                "language": "sl",
                "body": (
                    "Prav zato smernice določajo, da financiranje ne sme "
                    "biti pogojeno s stališči organizacije. Brez sredstev "
                    "bodo v posvetovanjih sodelovale le velike "
                    "organizacije s plačanim osebjem."
                ),
                "parent": "c12",
                "supporters": ["nina", "luka"],
            },
            {
                "key": "c14",
                "author": "luka",
                "section": "monitoring",
                "language": "sl",
                "body": (
                    "Letno poročilo naj poleg deleža upoštevanih predlogov "
                    "vsebuje tudi **seznam konkretnih sprememb**, ki so "
                    "nastale zaradi posvetovanj. Same številke povedo "
                    "bolj malo."
                ),
                "parent": None,
                "supporters": ["maja", "daniel"],
            },
        ],
        "votes": [
            # maja
            {"citizen": "maja", "section": None, "choice": "agree"},
            {"citizen": "maja", "section": "purpose", "choice": "agree"},
            {"citizen": "maja", "section": "principles", "choice": "agree"},
            {"citizen": "maja", "section": "windows", "choice": "disagree"},
            {"citizen": "maja", "section": "feedback", "choice": "agree"},
            {"citizen": "maja", "section": "capacity", "choice": "agree"},
            {"citizen": "maja", "section": "monitoring", "choice": "abstain"},
            # luka
            {"citizen": "luka", "section": None, "choice": "agree"},
            {"citizen": "luka", "section": "principles", "choice": "agree"},
            {"citizen": "luka", "section": "windows", "choice": "disagree"},
            {"citizen": "luka", "section": "feedback", "choice": "agree"},
            {"citizen": "luka", "section": "capacity", "choice": "agree"},
            {"citizen": "luka", "section": "monitoring", "choice": "agree"},
            # ana
            {"citizen": "ana", "section": None, "choice": "abstain"},
            {"citizen": "ana", "section": "purpose", "choice": "agree"},
            {"citizen": "ana", "section": "principles", "choice": "disagree"},
            {"citizen": "ana", "section": "feedback", "choice": "abstain"},
            {"citizen": "ana", "section": "capacity", "choice": "agree"},
            # tomaz
            {"citizen": "tomaz", "section": None, "choice": "disagree"},
            {"citizen": "tomaz", "section": "purpose", "choice": "disagree"},
            {"citizen": "tomaz", "section": "principles", "choice": "agree"},
            {"citizen": "tomaz", "section": "windows", "choice": "agree"},
            {"citizen": "tomaz", "section": "capacity", "choice": "disagree"},
            {"citizen": "tomaz", "section": "monitoring", "choice": "abstain"},
            # nina
            {"citizen": "nina", "section": None, "choice": "agree"},
            {"citizen": "nina", "section": "purpose", "choice": "agree"},
            {"citizen": "nina", "section": "principles", "choice": "agree"},
            {"citizen": "nina", "section": "windows", "choice": "abstain"},
            {"citizen": "nina", "section": "feedback", "choice": "agree"},
            {"citizen": "nina", "section": "capacity", "choice": "agree"},
            {"citizen": "nina", "section": "monitoring", "choice": "agree"},
            # daniel
            {"citizen": "daniel", "section": None, "choice": "agree"},
            {"citizen": "daniel", "section": "principles", "choice": "abstain"},
            {"citizen": "daniel", "section": "windows", "choice": "disagree"},
            {"citizen": "daniel", "section": "feedback", "choice": "agree"},
            {"citizen": "daniel", "section": "monitoring", "choice": "agree"},
        ],
    },
    {
        "key": "open-data-charter",
        "state": "closed",
        "sl": {
            "title": "Osnutek vzorčne listine o odprtih podatkih za občine",
            "summary": (
                "Osnutek vzorčne listine določa, katere podatke naj "
                "občine objavljajo kot odprte podatke, v kakšnih oblikah "
                "in pod kakšno licenco ter kako naj pri tem sodelujejo z "
                "uporabniki. Posvetovanje je zaključeno. Osnutek je "
                "izmišljen in služi predstavitvi portala."
            ),
        },
        "en": {
            "title": "Draft model open data charter for municipalities",
            "summary": (
                "The draft model charter sets out which data "
                "municipalities should publish as open data, in which "
                "formats and under which licence, and how they should "
                "work with the people who use it. The consultation is "
                "closed. This draft is invented to demonstrate the portal."
            ),
        },
        "sections": [
            {
                "key": "data",
                "sl": {
                    "heading": "Podatki, ki jih občina objavlja",
                    "body": """\
Občina kot odprte podatke objavlja vse podatke, ki jih zbira ali
ustvarja pri svojem delu, razen kadar to prepoveduje zakon ali bi bila
s tem ogrožena zasebnost posameznikov. Prednostno objavi:

1. proračun in podatke o porabi proračunskih sredstev;
2. javna naročila in sklenjene pogodbe;
3. prostorske podatke, na primer načrte namenske rabe zemljišč;
4. podatke o javnem prevozu, parkiriščih in kolesarskih poteh;
5. podatke o kakovosti zraka in vode.

Osebni podatki se objavijo le v anonimizirani obliki. Občina vodi javni
seznam vseh svojih podatkovnih zbirk, tudi tistih, ki jih (še) ne
objavlja, in za vsako navede razlog.
""",
                },
                "en": {
                    "heading": "Data the municipality publishes",
                    "body": """\
The municipality publishes as open data all the data it collects or
produces in its work, unless the law forbids it or publication would
put individuals' privacy at risk. Priority is given to:

1. the budget and data on budget spending;
2. public procurement and signed contracts;
3. spatial data, such as land-use plans;
4. data on public transport, parking and cycle routes;
5. data on air and water quality.

Personal data is published only in anonymised form. The municipality
keeps a public register of all its datasets, including those it does
not (yet) publish, and gives the reason for each.
""",
                },
            },
            {
                "key": "formats",
                "sl": {
                    "heading": "Oblike zapisa in licenca",
                    "body": """\
Podatki se objavljajo v strojno berljivih in odprtih oblikah zapisa,
kot sta CSV in JSON, prostorski podatki pa v uveljavljenih odprtih
oblikah, na primer GeoJSON. Dokumenti PDF sami po sebi ne štejejo za
odprte podatke.

Vsi podatki so objavljeni pod licenco **CC BY 4.0**, ki dovoljuje
prosto uporabo, tudi v komercialne namene, pod pogojem, da je naveden
vir. Dostop do podatkov je brezplačen in ne zahteva registracije.

Vsaka podatkovna zbirka ima opis, v katerem so navedeni vir, datum
zadnje posodobitve, pogostost posodabljanja in kontaktna oseba.
Podatki, ki se pogosto spreminjajo, se posodabljajo samodejno.
""",
                },
                "en": {
                    "heading": "Formats and licence",
                    "body": """\
Data is published in machine-readable, open formats such as CSV and
JSON, and spatial data in established open formats such as GeoJSON.
PDF documents alone do not count as open data.

All data is published under the **CC BY 4.0** licence, which allows
free reuse, including for commercial purposes, provided the source is
credited. Access to the data is free of charge and requires no
registration.

Each dataset comes with a description stating its source, the date of
its last update, how often it is updated and a contact person. Data
that changes frequently is updated automatically.
""",
                },
            },
            {
                "key": "engagement",
                "sl": {
                    "heading": "Sodelovanje z uporabniki",
                    "body": """\
Občina podatke objavlja zato, da bi jih ljudje uporabljali. Prebivalci
lahko prek preprostega spletnega obrazca predlagajo nove podatkovne
zbirke ali prijavijo napake v objavljenih podatkih. Občina poleg tega:

- vsaj enkrat na leto zbere predloge prebivalcev, nevladnih
  organizacij in podjetij, katere podatke naj objavi prednostno;
- na vsak predlog ali prijavo napake odgovori v 15 dneh;
- skupaj z nevladnimi organizacijami in šolami organizira delavnice o
  uporabi odprtih podatkov;
- na svoji spletni strani predstavlja aplikacije in analize, ki so
  nastale na podlagi njenih podatkov.

Enkrat na leto občina objavi kratko poročilo o izvajanju listine.
""",
                },
                "en": {
                    "heading": "Working with users",
                    "body": """\
The municipality publishes data so that people will use it. Residents
can suggest new datasets or report errors in published data through a
simple online form. In addition, the municipality:

- at least once a year gathers proposals from residents, NGOs and
  businesses on which data to publish first;
- replies to every proposal or error report within 15 days;
- runs workshops on using open data together with NGOs and schools;
- showcases on its website the apps and analyses built on its data.

Once a year, the municipality publishes a short report on how the
charter is being implemented.
""",
                },
            },
        ],
        "comments": [
            {
                "key": "d1",
                "author": "luka",
                "section": "data",
                "language": "sl",
                "body": (
                    "Dobro, da so na seznamu tudi javna naročila. "
                    "Predlagam, da se dodajo še **podatki o subvencijah**, "
                    "ki jih občina dodeljuje društvom in športnim klubom."
                ),
                "parent": None,
                "supporters": ["maja", "nina"],
            },
            {
                "key": "d2",
                "author": "ana",
                "section": "data",
                "language": "sl",
                "body": (
                    "Kako bo občina zagotovila, da anonimiziranih podatkov "
                    "ne bo mogoče povezati s posamezniki? V majhnih vaseh "
                    "je to hitro mogoče."
                ),
                "parent": None,
                "supporters": ["tomaz", "daniel"],
            },
            {
                "key": "d3",
                "author": "nina",
                "section": "data",
                "language": "sl",
                "body": (
                    "Uveljavljena praksa je, da se podatki za skupine z "
                    "manj kot desetimi osebami ne objavijo ali pa se "
                    "združijo z drugimi. To pravilo bi lahko zapisali kar "
                    "v listino."
                ),
                "parent": "d2",
                "supporters": ["ana", "maja"],
            },
            {
                "key": "d4",
                "author": "daniel",
                "section": "formats",
                "language": "en",
                "body": (
                    "Please offer an API as well, not just file downloads. "
                    "For public transport, a GTFS feed would let "
                    "developers build timetable apps straight away."
                ),
                "parent": None,
                "supporters": ["luka"],
            },
            {
                "key": "d5",
                "author": "tomaz",
                "section": "formats",
                "language": "sl",
                "body": (
                    "Licenca CC BY je razumna izbira. Dvomim pa, da bo "
                    "majhna občina brez dodatnega kadra zmogla samodejne "
                    "posodobitve."
                ),
                "parent": None,
                "supporters": ["maja"],
            },
            {
                "key": "d6",
                "author": "maja",
                "section": "formats",
                "language": "sl",
                "body": (
                    "Manjše občine bi se lahko povezale in skupaj "
                    "zaposlile skrbnika podatkov. Za podobne naloge že "
                    "obstajajo skupne občinske uprave, zakaj ne bi tudi "
                    "za odprte podatke?"
                ),
                "parent": "d5",
                "supporters": ["tomaz", "nina"],
            },
            {
                "key": "d7",
                "author": "nina",
                "section": "engagement",
                "language": "sl",
                "body": (
                    "Rok 15 dni za odgovor se mi zdi primeren. Predlagam, "
                    "da se odgovori tudi javno objavijo, da se ista "
                    "vprašanja ne bodo ponavljala."
                ),
                "parent": None,
                "supporters": ["luka", "ana", "daniel"],
            },
        ],
        "votes": [
            {"citizen": "maja", "section": None, "choice": "agree"},
            {"citizen": "maja", "section": "data", "choice": "agree"},
            {"citizen": "maja", "section": "formats", "choice": "agree"},
            {"citizen": "maja", "section": "engagement", "choice": "agree"},
            {"citizen": "luka", "section": None, "choice": "agree"},
            {"citizen": "luka", "section": "data", "choice": "agree"},
            {"citizen": "luka", "section": "formats", "choice": "abstain"},
            {"citizen": "luka", "section": "engagement", "choice": "agree"},
            {"citizen": "ana", "section": None, "choice": "abstain"},
            {"citizen": "ana", "section": "data", "choice": "disagree"},
            {"citizen": "ana", "section": "engagement", "choice": "agree"},
            {"citizen": "tomaz", "section": None, "choice": "agree"},
            {"citizen": "tomaz", "section": "data", "choice": "agree"},
            {"citizen": "tomaz", "section": "formats", "choice": "disagree"},
            {"citizen": "tomaz", "section": "engagement", "choice": "abstain"},
            {"citizen": "nina", "section": None, "choice": "agree"},
            {"citizen": "nina", "section": "data", "choice": "agree"},
            {"citizen": "nina", "section": "formats", "choice": "agree"},
            {"citizen": "nina", "section": "engagement", "choice": "agree"},
            {"citizen": "daniel", "section": None, "choice": "disagree"},
            {"citizen": "daniel", "section": "formats", "choice": "disagree"},
            {"citizen": "daniel", "section": "engagement", "choice": "agree"},
        ],
    },
]
