# Danske tekster til udbudsdokumenterne.
#
# Hver meddelelse her skal findes i alle andre kataloger (testen `catalogues` lister mangler).
# Teksten er Markdown: `**fed**` er tilladt; skriv aldrig rå HTML, links eller `{`. Pladsholdere
# med tekst fra ordregivere eller tilbudsgivere er allerede escapet.

## Tal, beløb, datoer og opremsninger.
#
# Dansk retskrivning: decimalkomma, punktum mellem tusinder fra fem cifre (1000, men 10.000),
# beløbet før valutaen (1.234.567,89 kr. for DKK, 180.000.000,00 euro for EUR, ellers
# ISO-koden: 1.000,00 SEK), mellemrum før procenttegnet (30 %), datoer som 15. december 2025,
# og »og« uden komma foran i opremsninger.

fmt-decimal-mark = {","}
fmt-group-separator = {"."}
fmt-group-from-digits = 5
fmt-money = { $currency ->
        [DKK] { $amount } kr.
        [EUR] { $amount } euro
       *[other] { $amount } { $currency }
    }
fmt-percent = { $value } %
fmt-date = { $day }. { $month ->
        [1] januar
        [2] februar
        [3] marts
        [4] april
        [5] maj
        [6] juni
        [7] juli
        [8] august
        [9] september
        [10] oktober
        [11] november
       *[12] december
    } { $year }
fmt-date-time = { $date } kl. { $time }
fmt-list = { $init } og { $last }
fmt-list-or = { $init } eller { $last }
yes = Ja
no = Nej

no-passed-over = Nej (forbigået)
## Ord i udregninger (tender-scores explain-modul).

term-mean = gennemsnit
term-median = median
term-consensus = konsensus
term-evaluators = evaluatorer
term-one-off = engangs
term-per-year = pr. år
term-months = måneder
term-in-corridor = i korridoren
term-outside-corridor = uden for korridoren

## Modellens værdier.

severity-premise = Præmis
severity-minimum = Mindstekrav
severity-award = Konkurrenceparameter
severity-information = Oplysningskrav
procedure-open = offentligt udbud
procedure-restricted = begrænset udbud
procedure-competitive-with-negotiation = udbud med forhandling
procedure-dynamic-purchasing-system = konkurrence inden for et dynamisk indkøbssystem
procedure-framework-call-off = miniudbud under en rammeaftale
buyer-kind-municipality = kommune
buyer-kind-region = region
buyer-kind-state = statslig myndighed
buyer-kind-eu-institution = EU-institution, -organ eller -agentur
buyer-kind-central-purchasing-body = indkøbscentral
buyer-kind-other = offentligretligt organ
criterion-kind-price = Pris
criterion-kind-cost = Omkostninger
criterion-kind-quality = Kvalitet
criterion-kind-sub = Underkriterium
weighting-percent = i procent
weighting-points = i point
weighting-order = kun som en prioriteret rækkefølge
weighting-normalised = i point eller som brøker og normaliseres til procent
hosting-buyer-premises = på ordregivers egne lokationer (on-premise)
hosting-buyer-data-centre = i ordregivers eget datacenter
hosting-supplier-data-centre-dk = i leverandørens datacenter i Danmark
hosting-supplier-data-centre-eu = i leverandørens datacenter i et EU-land
hosting-government-cloud = i en national statslig cloud
hosting-eu-cloud = i en cloud, der drives af en EU-kontrolleret leverandør
hosting-public-cloud = i en offentlig cloud, herunder hos ikke-europæiske hyperscalere
hosting-hybrid = som en kombination af disse
code-rights-licence = en brugsret (licens)
code-rights-extended-right-of-use = en udvidet brugsret
code-rights-ownership = ejendomsret
exit-assistance-included = indeholdt i kontraktprisen
exit-assistance-paid = mod betaling efter tilbuddets priser
aggregation-mean = Hver evaluator bedømmer tilbuddene selvstændigt, og et kriteriums karakter er gennemsnittet af evaluatorernes karakterer, beregnet som en eksakt brøk. Fastsætter bedømmelsesudvalget en konsensuskarakter, anvendes den i stedet.
aggregation-median = Hver evaluator bedømmer tilbuddene selvstændigt, og et kriteriums karakter er medianen af evaluatorernes karakterer. Fastsætter bedømmelsesudvalget en konsensuskarakter, anvendes den i stedet.
aggregation-consensus = Evaluatorerne bedømmer tilbuddene selvstændigt og fastsætter derefter i fællesskab én konsensuskarakter pr. kriterium, som er den karakter, der anvendes.
rounding-half-up = efter almindelige afrundingsregler, hvor 5 rundes væk fra nul (2,345 bliver 2,35)
rounding-half-even = til nærmeste lige ciffer ved 5 (2,345 bliver 2,34, og 2,355 bliver 2,36)
rounding-half-down = med 5 rundet mod nul (2,345 bliver 2,34)
rounding-down = mod nul, idet yderligere cifre skæres bort (2,349 bliver 2,34)
rounding-up = væk fra nul (2,341 bliver 2,35)
rounding-at-ratio = Hvert kriteriums andel af de fulde point (prisforholdet og karakteren i forhold til skalaens maksimum) afrundes, før den vægtes; totalen er summen af de vægtede, afrundede andele.
rounding-at-criterion = Hvert kriteriums vægtede point afrundes; totalen er summen af de afrundede point.
rounding-at-aggregate = Hvert kriteriums sammenvejede karakter fra bedømmerne afrundes, før den bruges.
rounding-at-grade = Hvert kriteriums karakter på kriteriets egen skala afrundes, før den omregnes til en andel af de fulde point; prisens karakter er dens andel af de fulde point gange evalueringsmodellens skalamaksimum.
rounding-at-price-points = Pointene for pris afrundes.
rounding-at-quality = De samlede kvalitetspoint afrundes, før de lægges sammen med pointene for pris.
rounding-step-aggregate = hvert kriteriums sammenvejede karakter fra bedømmerne
rounding-step-grade = hvert kriteriums karakter på kriteriets egen skala (prisens karakter på evalueringsmodellens skala)
rounding-step-ratio = hvert kriteriums andel af de fulde point
rounding-step-criterion = hvert kriteriums vægtede point
rounding-step-price-points = pointene for pris
rounding-step-quality = de samlede kvalitetspoint
rounding-step-total = resultatet
model-rounding-steps = Desuden afrundes disse tal, i den rækkefølge de beregnes:
model-rounding-step = { $step }: til { $decimals ->
        [one] én decimal
       *[other] { $decimals } decimaler
    }, afrundet { $strategy }
rounding-at-total = Kun resultatet afrundes.
price-model-proportional = den proportionale prismodel
price-model-linear-slope = den lineære prismodel med hældning
price-model-linear-from-lowest = den lineære prismodel fra laveste pris
price-model-min-max = min-max-modellen (interpolation mellem laveste og højeste pris)
price-model-fixed-span = den lineære prismodel med fast prisspænd
price-model-logarithmic = den logaritmiske prismodel
price-model-price-per-quality-point = metoden pris pr. kvalitetspoint
price-model-value-added = merværdimetoden (kvalitet omregnet til penge)
price-model-percent-adjustment = procentjusteringsmetoden (prisen justeres procentvis for kvalitet)
price-model-formula = udbudsmaterialets egen prisformel
corridor-higher-quality = tilbuddet med flest kvalitetspoint
corridor-lower-price = tilbuddet med den laveste evaluerede pris
tie-break-higher-quality = tilbuddet med flest kvalitetspoint rangeres først
tie-break-lower-price = tilbuddet med den laveste evaluerede pris rangeres først
tie-break-higher-score-on = tilbuddet med flest point på { $criterion } rangeres først
tie-break-earlier-submission = det først modtagne tilbud rangeres først
tie-break-drawing-lots = der trækkes lod i overværelse af de berørte tilbudsgivere
location-eu = EU
location-eea = EØS
country = { $code ->
        [AT] Østrig
        [BE] Belgien
        [BG] Bulgarien
        [CY] Cypern
        [CZ] Tjekkiet
        [DE] Tyskland
        [DK] Danmark
        [EE] Estland
        [ES] Spanien
        [FI] Finland
        [FR] Frankrig
        [GR] Grækenland
        [HR] Kroatien
        [HU] Ungarn
        [IE] Irland
        [IT] Italien
        [LT] Litauen
        [LU] Luxembourg
        [LV] Letland
        [MT] Malta
        [NL] Nederlandene
        [PL] Polen
        [PT] Portugal
        [RO] Rumænien
        [SE] Sverige
        [SI] Slovenien
        [SK] Slovakiet
        [IS] Island
        [LI] Liechtenstein
        [NO] Norge
        [CH] Schweiz
        [GB] Det Forenede Kongerige
        [US] USA
        [CN] Kina
       *[other] { $code }
    }
language-name = { $code ->
        [da] dansk
        [en] engelsk
        [de] tysk
        [fr] fransk
        [sv] svensk
        [nb] norsk
        [nl] nederlandsk
       *[other] { $code }
    }
standard-unknown = standarden { $id } (findes ikke i kataloget)
standard-not-in-catalogue = (findes ikke i kataloget: ordregiver beskriver den i udbudsmaterialet)
status-ranked = Rangeret
status-failed-gate = Afvist: en præmis eller et mindstekrav er ikke opfyldt
status-below-quality-threshold = Afvist: under en mindstekarakter for kvalitet
status-not-among-best-quality = Ikke blandt de bedste på kvalitet, der går videre til prisevaluering
status-rejected = Afvist som ukonditionsmæssigt tilbud
seal-not-stated = ikke angivet
defect-no-price = Tilbuddet angiver ingen samlet pris.
defect-no-price-schedule = Delkontrakten evalueres på livscyklusomkostninger, men tilbuddet indeholder ingen fordeling på engangsomkostninger og løbende omkostninger.
defect-unit-price-missing = Delkontrakten evalueres på en tilbudsliste, men tilbuddet angiver ingen enhedspris for linje { $line }.
defect-component-not-priced = Tilbuddet angiver ingen pris for priselementet { $component }.
defect-option-not-priced = Optionen { $option } indgår i evalueringen, men er ikke prissat i tilbuddet.
defect-no-sovereignty = Delkontrakten stiller mindstekrav til suverænitetsniveau (SEAL) eller evaluerer suverænitet, men tilbuddet indeholder ingen suverænitetsvurdering.
defect-objective-not-assessed = Suverænitetsvurderingen omfatter ikke { $objective }.
defect-objective-points-missing = Suverænitet indgår i tildelingskriterierne, men suverænitetsvurderingen angiver ingen point for { $objective }.
defect-too-many-lots = Tilbudsgiveren har afgivet tilbud på { $count } delkontrakter ({ $lots }), men udbudsmaterialet tillader tilbud på højst { $maximum }. Alle tilbudsgiverens tilbud er derfor ukonditionsmæssige.
defect-too-many-lots-no-priority = Tilbudsgiveren har afgivet tilbud på { $count } delkontrakter ({ $lots }), men udbudsmaterialet tillader tilbud på højst { $maximum }, og tilbuddene angiver ikke en entydig prioritering. Alle tilbudsgiverens tilbud er derfor ukonditionsmæssige.
defect-too-many-lots-kept = Tilbudsgiveren har afgivet tilbud på { $count } delkontrakter ({ $lots }), men udbudsmaterialet tillader tilbud på højst { $maximum }. Efter tilbudsgiverens egen prioritering tages alene tilbuddene på { $kept } i betragtning.
defect-second-bid = Tilbudsgiveren har også afgivet { $count ->
        [one] tilbuddet { $others }
       *[other] tilbuddene { $others }
    } på denne delkontrakt, og udbudsmaterialet tillader ikke alternative tilbud (udbudsloven § 53). Ordregiveren kan ikke vælge mellem tilbuddene, som derfor alle er ukonditionsmæssige.
defect-late = Tilbuddet er modtaget { $submitted }, efter tilbudsfristen { $deadline }.
defect-measure-missing = Tilbuddet angiver ingen værdi for tildelingskriteriet { $criterion }.
defect-measure-below-minimum = Den tilbudte værdi { $value } for { $criterion } er under det acceptable minimum på { $limit }.
defect-measure-above-maximum = Den tilbudte værdi { $value } for { $criterion } er over det acceptable maksimum på { $limit }.
defect-measure-beyond-zero = Den tilbudte værdi { $value } for { $criterion } ligger ud over { $limit }, hvor udbudsmaterialet afviser tilbuddet.
defect-measure-no-band = Den tilbudte værdi { $value } for { $criterion } når ikke det laveste interval ({ $limit }), og udbudsmaterialet afviser et sådant tilbud.
close-call-margin = Forskellen mellem det sidste tilbud, der tildeles kontrakt ({ $last }), og det første, der ikke gør ({ $first }), er { $margin } point og dermed under tærsklen på { $threshold } point.
close-call-margin-figure = Forskellen mellem sammenligningstallene for det sidste tilbud, der tildeles kontrakt ({ $last }), og det første, der ikke gør ({ $first }), er { $margin } og dermed under tærsklen på { $threshold }.
close-call-evaluator = bedømmer { $evaluator }s karakter
close-call-consensus = konsensuskarakteren
close-call-mark = Hvis { $who } for { $bid } på { $criterion } var { $to } i stedet for { $from } (ét trin på skalaen), ville kontrakten blive tildelt { $awarded }.
close-call-rounding = Med { $decimals } decimaler og { $strategy } ville kontrakten blive tildelt { $awarded }.

## EU's Cloud Sovereignty Framework. SEAL-navne og -definitioner som i PA Consultings
## casekatalog »Cases på digital suverænitet« (januar 2026), der gengiver rammen på dansk.

seal-name-0 = Ingen suverænitet
seal-name-1 = Jurisdiktionel suverænitet
seal-name-2 = Datasuverænitet
seal-name-3 = Digital robusthed
seal-name-4 = Fuld digital suverænitet
seal-definition-0 = Tjeneste, teknologi eller drift er under eksklusiv kontrol af tredjepart uden for EU og fuldt ud underlagt lovgivning uden for EU.
seal-definition-1 = EU-lovgivning gælder formelt, men med begrænset praktisk håndhævelse: tjeneste, teknologi eller drift er under eksklusiv kontrol af tredjepart uden for EU.
seal-definition-2 = EU-lovgivning gælder og kan håndhæves, men der er væsentlige afhængigheder af ikke-EU-aktører: tjeneste, teknologi eller drift er under indirekte kontrol af tredjepart uden for EU.
seal-definition-3 = EU-lovgivning gælder og kan håndhæves, EU-aktører udøver betydelig, men ikke fuld indflydelse: tjeneste, teknologi eller drift er under marginal kontrol af tredjepart uden for EU.
seal-definition-4 = Teknologi og drift er under fuld EU-kontrol, udelukkende underlagt EU-lovgivning, uden kritiske afhængigheder af ikke-EU-aktører.
objective-1 = Strategisk suverænitet
objective-2 = Juridisk og jurisdiktionel suverænitet
objective-3 = Data- og AI-suverænitet
objective-4 = Driftsmæssig suverænitet
objective-5 = Forsyningskædesuverænitet
objective-6 = Teknologisk suverænitet
objective-7 = Sikkerheds- og compliancesuverænitet
objective-8 = Miljømæssig bæredygtighed

## Kontrol af præmisser og mindstekrav.

gate-passed = Opfyldt
gate-failed = Ikke opfyldt
gate-not-answered = Tilbuddet besvarer ikke kravet.
gate-declared-not-met = Tilbudsgiveren oplyser, at kravet ikke er opfyldt.
gate-no-sovereignty-assessment = Tilbuddet indeholder ingen suverænitetsvurdering.
gate-objective-seal-below-minimum = { $objective } når { $seal }, hvilket er under minimum { $minimum }.
gate-objective-seal-not-assessed = SEAL er ikke angivet for { $objective }; minimum er { $minimum }.
gate-overall-seal-below-minimum = Det samlede SEAL-niveau er { $seal }, hvilket er under minimum { $minimum }.
gate-overall-seal-undetermined = Det samlede SEAL-niveau kan ikke fastlægges, fordi SEAL ikke er angivet for alle mål; minimum er { $minimum }.
gate-standard-not-supported = Løsningen understøtter ikke { $standard }.
gate-no-exit-plan = Der er ikke vedlagt en exitplan.
gate-exit-horizon-too-long = Exitplanen tager { $offered ->
        [one] { $offered } måned
       *[other] { $offered } måneder
    }; højst { $maximum ->
        [one] { $maximum } måned
       *[other] { $maximum } måneder
    } er tilladt.
gate-exit-horizon-not-stated = Exitplanen angiver ingen tidshorisont; højst { $maximum ->
        [one] { $maximum } måned
       *[other] { $maximum } måneder
    } er tilladt.
gate-export-format-missing = Data kan ikke udtrækkes som { $standard }.
gate-exit-assistance-wrong-terms = Exitbistand tilbydes { $offered }, men skal være { $required }.
gate-exit-assistance-missing = Der tilbydes ingen exitbistand; den skal være { $required }.
gate-notice-too-long = Opsigelsesvarslet er { $offered ->
        [one] { $offered } måned
       *[other] { $offered } måneder
    }; højst { $maximum ->
        [one] { $maximum } måned
       *[other] { $maximum } måneder
    } er tilladt.
gate-notice-not-stated = Tilbuddet angiver intet opsigelsesvarsel; højst { $maximum ->
        [one] { $maximum } måned
       *[other] { $maximum } måneder
    } er tilladt.
gate-transition-too-long = Overgangsperioden er { $offered ->
        [one] { $offered } dag
       *[other] { $offered } dage
    }; højst { $maximum ->
        [one] { $maximum } dag
       *[other] { $maximum } dage
    } er tilladt.
gate-transition-not-stated = Tilbuddet angiver ingen overgangsperiode; højst { $maximum ->
        [one] { $maximum } dag
       *[other] { $maximum } dage
    } er tilladt.
gate-retrieval-too-short = Perioden til udtræk af data er { $offered ->
        [one] { $offered } dag
       *[other] { $offered } dage
    }; mindst { $minimum ->
        [one] { $minimum } dag
       *[other] { $minimum } dage
    } kræves.
gate-retrieval-not-stated = Tilbuddet angiver ingen periode til udtræk af data; mindst { $minimum ->
        [one] { $minimum } dag
       *[other] { $minimum } dage
    } kræves.
gate-switching-charges = Tilbuddet opkræver gebyrer for leverandørskifte.
gate-egress-charges = Tilbuddet opkræver gebyrer for overførsel af data ud af tjenesten (egress).
gate-no-documentation-handover = Dokumentationen udleveres ikke vederlagsfrit.
gate-no-code-handover = Kundespecifik kode og konfiguration udleveres ikke.
gate-no-exit-offer = Tilbuddet angiver ingen exitvilkår.
gate-no-hosting-offer = Tilbuddet angiver ingen driftsform.
gate-hosting-model-not-allowed = Tjenesten tilbydes { $offered }; tilladt er: { $allowed }.
gate-data-location-not-allowed = Data opbevares eller behandles i { $location }, uden for de tilladte steder.
gate-data-location-not-stated = Tilbuddet angiver ikke, hvor data opbevares og behandles.
gate-support-access-not-allowed = Support tilgår data fra { $location }, uden for de tilladte steder.
gate-support-access-not-stated = Tilbuddet angiver ikke, hvorfra support tilgår data.
gate-jurisdiction-not-allowed = Driftsleverandøren er underlagt jurisdiktion i { $location }, hvilket ikke er tilladt.
gate-jurisdiction-not-stated = Tilbuddet angiver ikke, hvilken jurisdiktion driftsleverandøren er underlagt.
gate-no-open-source-offer = Tilbuddet angiver ingen open source-vilkår.
gate-licence-not-allowed = Licensen { $licence } er ikke blandt de tilladte.
gate-open-source-share-too-low = { $offered } af løsningen er open source; mindst { $minimum } kræves.
gate-open-source-share-not-stated = Tilbuddet angiver ikke open source-andelen; mindst { $minimum } kræves.
gate-code-rights-too-weak = Ordregiver tilbydes { $offered } til kundespecifik kode; mindst { $required } kræves.
gate-code-rights-not-stated = Tilbuddet angiver ingen rettigheder til kundespecifik kode; mindst { $required } kræves.
gate-no-code-review = Ordregiver kan ikke lade koden gennemgå.
gate-no-source-delivery = Kildekoden udleveres ikke.

## Afvisninger og bemærkninger.

exclusion-gates = Tilbuddet opfylder ikke { $count ->
        [one] kravet
       *[other] kravene
    } { $requirements }.
exclusion-criterion-minimum = Karakteren { $score } på { $criterion } er under mindstekarakteren { $minimum }.
exclusion-quality-minimum = Kvalitetspointene udgør { $percent } af det maksimale, hvilket er under minimum på { $minimum }.
exclusion-max-pass = Tilbuddet er nr. { $place } på kvalitet, og kun { $max_pass ->
        [one] det bedste tilbud går
       *[other] de { $max_pass } bedste tilbud går
    } videre til prisevaluering.
warning-relative-price-model = Efter { $model } afhænger et tilbuds prispoint af de øvrige tilbuds priser, så et tilbud, der kommer til eller falder bort, kan ændre rækkefølgen mellem de andre.
warning-relative-corridor = Efter { $model } med korridor afhænger et tilbuds placering af det bedste forhold mellem kvalitet og pris blandt tilbuddene, så et tilbud, der kommer til eller falder bort, kan ændre rækkefølgen mellem de andre.
warning-disagreement = { $bid }, { $criterion }: evaluatorernes karakterer går fra { $lowest } til { $highest }, hvilket er mere end den tilladte spredning på { $allowed }. Bedømmelsesudvalget bør drøfte karaktererne og notere, hvorfor de afviger.
warning-unresolved-tie = { $bids } står lige, og reglerne for pointlighed adskiller dem ikke: der skal trækkes lod.
warning-tie-at-award-cut-off = { $bids } står lige ved grænsen for tildeling og kan ikke adskilles af reglerne for pointlighed.
warning-points-above-maximum = { $bid }: pointene for { $objective } er over målets nominelle maksimum. De tæller som angivet, som i Kommissionens beregningsark, hvor de afrundede svarværdier kan summere til lidt over 1000.
warning-fewer-bids-than-awards = Kun { $ranked } { $ranked ->
        [one] tilbud
       *[other] tilbud
    } er rangeret, men delkontrakten skal tildeles { $to_award } { $to_award ->
        [one] leverandør
       *[other] leverandører
    }.
warning-too-many-lots-awarded = Tilbudsgiveren { $bidder } ville få tildelt { $lots }, flere end de { $maximum } { $maximum ->
        [one] delkontrakt
       *[other] delkontrakter
    }, én tilbudsgiver må få tildelt; tildelingen skal tilpasses efter reglen i udbudsmaterialet.
warning-passed-over = { $bid } forbigås: tilbudsgiveren { $bidder } har allerede fået tildelt { $count ->
        [one] delkontrakt
       *[other] delkontrakterne
    } { $won }, det største antal, én tilbudsgiver kan få tildelt, så denne delkontrakt går til det næste tilbud i rangordenen.
warning-max-pass-tie = { $bids } står lige ved grænsen for, hvor mange tilbud der går videre til prisevaluering, og alle går videre.
warning-rank-reversal = Uden { $removed } ændres den indbyrdes rangorden mellem andre tilbud.
warning-no-quality-points = { $bid } har ingen kvalitetspoint, så prisen pr. kvalitetspoint er udefineret; tilbuddet rangeres sidst.

## Kravspecifikationen.

spec-subtitle = { $buyer } · Udbud { $id }
spec-h-introduction = Indledning og udbudsform
spec-h-lots = Delkontrakter
spec-h-common-requirements = Krav til alle delkontrakter
spec-h-common-requirements-single = Krav
spec-h-lot = Delkontrakt { $id }: { $title }
spec-h-premises = Præmisser
spec-h-minimum = Mindstekrav
spec-h-award-requirements = Konkurrenceparametre
spec-h-information = Oplysningskrav
spec-h-criteria = Tildelingskriterier og vægtning
spec-h-model = Evalueringsmodel
spec-h-example = Regneeksempel
spec-h-seal = Suverænitetsniveauer (SEAL)
spec-h-objectives = Suverænitetsmål og vægte
spec-h-standards = Åbne standarder
spec-h-not-required = Hvad der ikke kræves
spec-common-intro = Kravene i dette afsnit gælder for alle delkontrakter, medmindre et krav angiver, hvilke delkontrakter det gælder for.
spec-common-intro-single = Kravene i dette afsnit gælder for hele kontrakten.
spec-fact-buyer = **Ordregiver:** { $name } ({ $kind }, { $country })
spec-fact-id = **Udbudsnummer:** { $id }
spec-fact-procedure = **Udbudsform:** { $procedure }
spec-fact-framework = **Under:** { $framework }
spec-fact-estimated-value = **Anslået værdi:** { $amount } ekskl. moms
spec-fact-deadline = **Tilbudsfrist:** { $date }
spec-fact-start = **Forventet kontraktstart:** { $date }
spec-fact-duration = **Kontraktperiode:** { $months ->
        [one] { $months } måned
       *[other] { $months } måneder
    } uden optioner
spec-fact-languages = **Udbudsmaterialets sprog:** { $languages }
spec-fact-currency = **Valuta for alle beløb:** { $currency }
spec-fact-cpv = **CPV-kode:** { $cpv }
spec-fact-suppliers = **Antal leverandører:** { $count ->
        [one] én
       *[other] op til { $count }
    }
spec-options-intro = Ordregiver kan udnytte følgende optioner:
spec-option = **{ $id }:** { $description }
spec-option-extension = **{ $id }:** { $description } (forlænger kontrakten med { $months ->
        [one] { $months } måned
       *[other] { $months } måneder
    })
spec-lots-single = Udbuddet er ikke opdelt i delkontrakter.
spec-lots-single-reason = **Begrundelse for ikke at opdele:** { $reason }
spec-lots-split = Udbuddet er opdelt i { $count } delkontrakter. Der afgives, evalueres og tildeles tilbud pr. delkontrakt.
spec-lots-reason = **Begrundelse for opdelingen:** { $reason }
spec-lots-max-bid = En tilbudsgiver kan afgive tilbud på højst { $count ->
        [one] én delkontrakt
       *[other] { $count } delkontrakter
    }.
spec-lots-max-awarded = En tilbudsgiver kan højst få tildelt { $count ->
        [one] én delkontrakt
       *[other] { $count } delkontrakter
    }.
spec-lot-award-order-listed = Delkontrakterne tildeles én ad gangen i den rækkefølge, de er anført nedenfor. En tilbudsgiver, der har fået tildelt det største antal delkontrakter, den kan få, forbigås i de senere delkontrakter, som går til det næste tilbud i rangordenen.
spec-lot-award-order-value = Delkontrakterne tildeles én ad gangen, den med den højeste anslåede værdi først. En tilbudsgiver, der har fået tildelt det største antal delkontrakter, den kan få, forbigås i de senere delkontrakter, som går til det næste tilbud i rangordenen.
spec-lot-award-order-none = Udbudsmaterialet angiver ikke, i hvilken rækkefølge delkontrakterne tildeles, hvis en tilbudsgiver ville vinde flere delkontrakter end tilladt.
spec-lot-groups-intro = Grupper af delkontrakter:
spec-lot-group = **{ $id } { $title }:** delkontrakterne { $lots }.
spec-premises-intro = Præmisser er betingelser for overhovedet at gennemføre udbuddet. Et tilbud, der ikke opfylder en præmis, afvises.
spec-minimum-intro = Mindstekrav skal være opfyldt. Et tilbud, der ikke opfylder et mindstekrav, afvises, før tilbuddene evalueres.
spec-award-requirements-intro = Konkurrenceparametre er ikke mindstekrav: i hvilket omfang et tilbud opfylder dem, vurderes under det anførte tildelingskriterium.
spec-information-intro = Oplysningskrav skal besvares; de fører hverken til afvisning eller indgår i evalueringen.
spec-lot-common-applies = Kravene til alle delkontrakter i afsnit { $chapter } gælder også for denne delkontrakt.
spec-lot-common-applies-single = Kravene i afsnit { $chapter } gælder for kontrakten.
spec-lot-common-applies-some = Af kravene i afsnit { $chapter } gælder { $count ->
        [one] kravet { $requirements }
       *[other] kravene { $requirements }
    } også for denne delkontrakt.
req-severity = **Kravtype:** { $severity }
req-lots = **Gælder for:** { $count ->
        [one] delkontrakt
       *[other] delkontrakterne
    } { $lots }
req-lead-gate = Kravet er opfyldt, når:
req-lead-award = Ved evalueringen vurderes, i hvilket omfang:
req-lead-information = Tilbudsgiveren oplyser, om:
req-evidence = **Dokumentation:** { $evidence }
req-criterion = **Vurderes under tildelingskriteriet:** { $criterion }
req-seal-each = Tjenesten når mindst { $seal } i hvert af suverænitetsmålene SOV-1 til SOV-8.
req-seal-objective = Tjenesten når mindst { $seal } i { $objective }.
req-seal-overall = Det samlede SEAL-niveau, dvs. det laveste niveau blandt målene, er mindst { $seal }.
req-seal-see = SEAL-niveauerne er defineret i afsnit { $chapter }, og tilbudsgiverens suverænitetsvurdering er dokumentationen.
req-standard = Løsningen understøtter { $standard }.
req-exit-plan = Tilbuddet indeholder en exitplan, der beskriver, hvordan ordregiver kan skifte til en anden leverandør eller hjemtage opgaven uden at afbryde driften.
req-exit-horizon = Exitplanen kan gennemføres inden for { $months ->
        [one] { $months } måned
       *[other] { $months } måneder
    } fra opsigelsen.
req-exit-formats = Alle ordregivers data kan udtrækkes i disse åbne formater: { $formats }.
req-exit-assistance-included = Leverandøren yder exitbistand, som er indeholdt i kontraktprisen.
req-exit-assistance-paid = Leverandøren yder exitbistand til de priser, der er angivet i tilbuddet.
req-exit-notice = Leverandøren kræver højst et opsigelsesvarsel på { $months ->
        [one] { $months } måned
       *[other] { $months } måneder
    } ved leverandørskifte (jf. dataforordningen, forordning (EU) 2023/2854, art. 25, stk. 2, litra d).
req-exit-transition = Overgangsperioden, hvor tjenesten fortsat leveres, mens data og opgaver flyttes, varer højst { $days ->
        [one] { $days } dag
       *[other] { $days } dage
    } (jf. dataforordningens art. 25, stk. 2, litra a).
req-exit-retrieval = Efter overgangsperioden har ordregiver mindst { $days ->
        [one] { $days } dag
       *[other] { $days } dage
    } til at hente sine data (jf. dataforordningens art. 25, stk. 2, litra g).
req-exit-no-switching-charges = Leverandøren opkræver ingen gebyrer for leverandørskifte (jf. dataforordningens art. 29, der afskaffer sådanne gebyrer fra den 12. januar 2027).
req-exit-no-egress-charges = Leverandøren opkræver ingen gebyrer for overførsel af data ud af tjenesten (egress-gebyrer).
req-exit-handover-documentation = Ved ophør udleverer leverandøren vederlagsfrit al relevant dokumentation om løsningen.
req-exit-handover-code = Ved ophør udleverer leverandøren kundespecifik kode og konfiguration.
req-hosting-models = Løsningen drives { $models }.
req-hosting-data = Data opbevares og behandles kun i { $locations }.
req-hosting-support = Supportmedarbejdere tilgår kun data fra { $locations }.
req-hosting-jurisdiction = Driftsleverandøren er kun underlagt lovgivning og jurisdiktion i { $locations }.
req-oss-licences = Løsningens komponenter er udgivet under { $licences }.
req-oss-share = Mindst { $share } af løsningen er udgivet under en open source-licens.
req-oss-rights-licence = Ordregiver får mindst en brugsret (licens) til den kundespecifikke kode.
req-oss-rights-extended-right-of-use = Ordregiver får mindst en udvidet brugsret til den kundespecifikke kode: ordregiver kan genbruge koden og lade andre videreudvikle den, mens leverandøren beholder de immaterielle rettigheder.
req-oss-rights-ownership = Ordregiver får ejendomsretten til den kundespecifikke kode.
req-oss-code-review = Ordregiver kan lade koden gennemgå for at teste dens kvalitet.
req-oss-source-delivered = Kildekoden udleveres til ordregiver.
reg-dora-lead = Kontrakten indeholder disse bestemmelser fra art. 30 i forordningen om digital operationel modstandsdygtighed (DORA, forordning (EU) 2022/2554). DORA gælder direkte for finansielle enheder; for andre ordregivere er bestemmelserne aftalte kontraktvilkår.
reg-nis2-lead = Leverandøren påtager sig disse forpligtelser efter NIS2-direktivet (direktiv (EU) 2022/2555):
reg-gdpr-lead = Databehandleraftalen indeholder disse vilkår efter databeskyttelsesforordningen (GDPR, forordning (EU) 2016/679):
reg-clause = **{ $article }:** { $text }
dora-30-2-a = En klar og fuldstændig beskrivelse af alle funktioner og IKT-tjenester, der leveres, med angivelse af, om underleverance af IKT-tjenester, der understøtter kritiske eller vigtige funktioner, er tilladt og på hvilke betingelser.
dora-30-2-b = De steder (regioner eller lande), hvor tjenesterne leveres, og hvor data behandles og opbevares, samt leverandørens pligt til at underrette ordregiver på forhånd om enhver ændring af stedet.
dora-30-2-c = Bestemmelser om tilgængelighed, autenticitet, integritet og fortrolighed af data, herunder personoplysninger.
dora-30-2-d = Adgang til, gendannelse og tilbagelevering af alle personoplysninger og andre data i et let tilgængeligt format ved leverandørens insolvens, afvikling eller ophør af virksomhed, eller når kontrakten ophører.
dora-30-2-e = Beskrivelser af serviceniveauer, herunder opdateringer og revisioner af dem.
dora-30-2-f = Bistand til ordregiver ved en IKT-hændelse, der vedrører tjenesten, uden ekstra omkostninger eller til en pris, der er fastsat på forhånd.
dora-30-2-g = Fuldt samarbejde med de kompetente myndigheder og afviklingsmyndighederne, herunder personer udpeget af dem.
dora-30-2-h = Opsigelsesrettigheder og de tilhørende minimumsvarsler.
dora-30-2-i = Betingelserne for leverandørens deltagelse i ordregivers programmer for IKT-sikkerhedsbevidsthed og træning i digital operationel modstandsdygtighed.
dora-30-3-a = Fuldstændige beskrivelser af serviceniveauer med præcise kvantitative og kvalitative præstationsmål, så tjenesten kan overvåges, og der kan gribes ind, når et mål ikke nås.
dora-30-3-b = Leverandørens varslingsfrister og rapporteringspligter, herunder pligt til at varsle enhver udvikling, der kan få væsentlig betydning for dens evne til at levere tjenesterne.
dora-30-3-c = Leverandørens pligt til at gennemføre og teste beredskabsplaner og til at have IKT-sikkerhedsforanstaltninger, -værktøjer og -politikker, der giver et passende sikkerhedsniveau.
dora-30-3-d = Leverandørens pligt til at deltage og samarbejde fuldt ud i ordregivers trusselsbaserede penetrationstest (DORA art. 26 og 27).
dora-30-3-e = Ordregivers ret til løbende at overvåge leverandørens præstation med ubegrænset adgangs-, inspektions- og revisionsret for ordregiver, en tredjepart udpeget af ordregiver og den kompetente myndighed.
dora-30-3-f = Exitstrategier, navnlig en obligatorisk passende overgangsperiode, hvor leverandøren fortsat leverer tjenesterne, så ordregiver kan migrere til en anden leverandør eller hjemtage tjenesten.
nis2-supply-chain-security = Leverandøren sikrer sin egen forsyningskæde, herunder sikkerheden i forholdet til sine egne leverandører og underleverandører, og dokumenterer det på anmodning.
nis2-incident-notification = Leverandøren underretter uden unødig forsinkelse ordregiver om enhver hændelse, der har væsentlig betydning for tjenesten: en tidlig varsling inden for 24 timer efter, at leverandøren har fået kendskab til den, en hændelsesunderretning inden for 72 timer og en endelig rapport inden for en måned.
nis2-risk-management = Leverandøren analyserer tjenestens cybersikkerhedsrisici, vurderer effektiviteten af sine risikostyringsforanstaltninger og rapporterer resultatet til ordregiver.
nis2-business-continuity = Leverandøren sikrer driftskontinuitet, herunder backupstyring, reetablering efter katastrofer og krisestyring, og tester den regelmæssigt.
nis2-authentication = Tjenesten anvender multifaktorautentificering eller løbende autentificering og, hvor det er relevant, sikret tale-, video- og tekstkommunikation.
nis2-responsible-persons = Leverandøren udpeger de personer, der over for ordregiver er ansvarlige for cybersikkerhed, og dens ledelse fører tilsyn med cybersikkerhedsforanstaltningerne.
gdpr-documented-instructions = Leverandøren behandler kun personoplysninger efter ordregivers dokumenterede instruks, herunder med hensyn til overførsel til tredjelande.
gdpr-confidentiality = Alle, der er autoriseret til at behandle personoplysningerne, har tavshedspligt.
gdpr-security = Leverandøren træffer alle foranstaltninger, der kræves til behandlingssikkerhed efter art. 32.
gdpr-sub-processors = Leverandøren gør kun brug af underdatabehandlere med ordregivers forudgående skriftlige godkendelse og pålægger dem de samme databeskyttelsesforpligtelser.
gdpr-data-subject-rights = Leverandøren bistår ordregiver ved hjælp af passende tekniske og organisatoriske foranstaltninger med at besvare anmodninger fra registrerede, der udøver deres rettigheder.
gdpr-assistance = Leverandøren bistår ordregiver med behandlingssikkerhed, anmeldelse af brud på persondatasikkerheden og konsekvensanalyser vedrørende databeskyttelse (art. 32-36).
gdpr-deletion-or-return = Når tjenesterne ophører, sletter eller tilbageleverer leverandøren efter ordregivers valg alle personoplysninger og sletter eksisterende kopier.
gdpr-audits = Leverandøren stiller alle oplysninger til rådighed, der er nødvendige for at påvise overholdelse, og giver mulighed for og bidrager til revisioner og inspektioner foretaget af ordregiver eller en revisor, som ordregiver har bemyndiget.
gdpr-third-country-transfers = Personoplysninger overføres ikke til et tredjeland eller en international organisation, medmindre ordregiver har godkendt overførslen og dens retsgrundlag efter kapitel V.

## Tildelingskriterier og evalueringsmodel.

spec-criteria-intro = Kontrakten tildeles det økonomisk mest fordelagtige tilbud, som identificeres på grundlag af { $basis } (udbudslovens § 162, stk. 1, nr. { $number }) efter tildelingskriterierne nedenfor. Vægtene er angivet { $weighting }.
award-basis = { $basis ->
        [price] pris
        [cost] omkostninger
       *[best-price-quality-ratio] bedste forhold mellem pris og kvalitet
    }
audit-h = Bilag: eksakte værdier
audit-intro = Rapporten viser tallene afrundet: de offentliggjorte tal med udbuddets decimaler og mellemregninger mærket ≈. Evalueringen regner med de eksakte værdier, som står her som brøker, så hver udregning kan efterprøves præcist.
audit-th-figure = Tal
audit-th-shown = Vist som
audit-th-exact = Eksakt værdi
audit-score = { $criterion }: karakter
audit-points = { $criterion }: point
audit-price-points = Prispoint
audit-total = Samlet
note-shown-rounded = Tal mærket ≈ er vist afrundet til { $places } decimaler; beregningen bruger den eksakte værdi.
report-award-basis = Det økonomisk mest fordelagtige tilbud er identificeret på grundlag af { $basis } (udbudslovens § 162, stk. 1, nr. { $number }).
letter-award-basis = Kontrakten tildeles det økonomisk mest fordelagtige tilbud, identificeret på grundlag af { $basis } (udbudslovens § 162, stk. 1, nr. { $number }).
th-number = Nr.
th-id = Id
th-criterion = Kriterium
th-kind = Art
th-weight = Vægt
th-scale = Skala
th-minimum-score = Mindstekarakter
th-value = Værdi af fulde point
weight-points = { $points } point
weight-points-share = { $points } point ({ $percent })
weight-rank = prioritet { $rank }
weight-fraction-share = { $weight } ({ $percent })
weight-of-parent = { $weight } af kriterium { $parent }
scale-range = { $min }–{ $max }
scale-range-step = { $min }–{ $max } i trin på { $step }
scale-sovereignty = suverænitetsscore, 0–100 %
spec-criterion-description = **{ $id }:** { $text }
spec-criterion-no-description = **{ $id }:** Udbudsmaterialet beskriver ikke, hvad der lægges vægt på ved vurderingen af { $name }, selv om tildelingskriterierne skal beskrives (udbudslovens § 160).
spec-order-justification = **Begrundelse for kun at angive en prioriteret rækkefølge:** { $text }
spec-order-no-justification = Udbudsmaterialet begrunder ikke, hvorfor der kun er angivet en prioriteret rækkefølge, selv om en begrundelse er påkrævet.
model-order-only = Kriterierne har kun en prioriteret rækkefølge, så evalueringen kan ikke beregnes ud fra vægte: bedømmelsesudvalget vurderer tilbuddene samlet efter kriterierne i den rækkefølge og begrunder vurderingen i evalueringsrapporten.
model-compare-total = Hvert tilbud får point for pris og for hvert kvalitetskriterium. Pointene lægges sammen, og tilbuddet med flest point i alt rangeres først.
model-compare-ppqp = Hvert tilbuds evaluerede pris divideres med dets kvalitetspoint. Tilbuddet med den laveste pris pr. kvalitetspoint rangeres først.
model-compare-evaluation-price = Hvert tilbuds evaluerede pris justeres for kvaliteten til en evalueringspris. Tilbuddet med den laveste evalueringspris rangeres først.
model-suppliers = Delkontrakten tildeles { $count ->
        [one] det tilbud, der rangeres først.
       *[other] de { $count } højst rangerede tilbud.
    }
model-max-percent = Vægtene er procentsatser og svarer til point: et tilbud kan i alt højst opnå { $max } point.
model-max-points = Vægtene er point: et tilbud kan i alt højst opnå { $max } point.
model-normalised = Vægtene normaliseres til procent: et kriteriums vægt i procent er dets vægt divideret med summen af alle kriteriernes vægte ({ $sum }) og ganget med 100. Procenterne svarer til point, så et tilbud i alt højst kan opnå 100 point. Procenterne og pointene beregnes eksakt som brøker; de viste procenter er afrundet til { $decimals } decimaler.
model-basis-total = Den evaluerede pris er tilbuddets samlede pris for kontraktperioden ekskl. moms.
model-basis-basket = Den evaluerede pris beregnes ud fra tilbudslisten: for hver af de { $lines } linjer nedenfor ganges tilbuddets enhedspris med den forventede mængde, og produkterne lægges sammen (ekskl. moms). Mængderne er et skøn til brug for evalueringen og ikke en forpligtelse for ordregiveren. Et tilbud, der ikke angiver en enhedspris for hver linje, er ukonditionsmæssigt.
model-basis-basket-weighted = Den evaluerede pris beregnes ud fra tilbudslisten: for hver af de { $lines } linjer nedenfor ganges tilbuddets enhedspris med den forventede mængde og linjens vægt, og produkterne lægges sammen (ekskl. moms). Mængderne er et skøn til brug for evalueringen og ikke en forpligtelse for ordregiveren. Et tilbud, der ikke angiver en enhedspris for hver linje, er ukonditionsmæssigt.
basket-col-line = Linje
basket-col-item = Ydelse
basket-col-unit = Enhed
basket-col-quantity = Forventet mængde
basket-col-weight = Vægt
model-components-intro = Tilbuddene angiver en pris for hvert af disse priselementer (ekskl. moms), og hvert priskriterium evalueres på summen af de priselementer, det omfatter:
components-col-id = Priselement
components-col-name = Omfatter
model-components-criterion = { $criterion } evalueres på { $count ->
        [one] priselementet
       *[other] summen af priselementerne
    } { $components }.
derivation-component-price = Evalueret pris for { $criterion }: { $derivation }
model-basis-lcc = Den evaluerede pris er livscyklusomkostningerne: engangsomkostninger plus løbende omkostninger pr. år i { $months } måneder ({ $extension ->
        [0] kontraktperioden
       *[other] kontraktperioden på { $contract } måneder og { $extension } måneders forlængelsesoptioner
    }) ekskl. moms.
model-options-included = Priserne på optionerne { $options } lægges til.
model-options-excluded = Optionerne { $options } indgår ikke i den evaluerede pris.
model-price-proportional = Prisen omregnes til point efter { $name }: den laveste evaluerede pris får { $max } point, og hvert andet tilbud får { $max } point gange den laveste pris divideret med tilbuddets egen pris. Et tilbud til den dobbelte pris får det halve antal point.
model-price-linear-slope = Prisen omregnes til point efter { $name }: den laveste evaluerede pris får { $max } point, og pointene falder lineært til 0 point for en pris, der ligger { $slope } over den laveste pris. Dyrere tilbud får 0 point.
model-price-linear-from-lowest = Prisen omregnes til point efter { $name }: den laveste evaluerede pris får { $max } point, og et tilbud mister det maksimale antal point for hver 100 %, dets pris ligger over den laveste. Pointene kan blive negative for en pris, der er mere end dobbelt så høj som den laveste.
model-price-linear-from-lowest-floored = Prisen omregnes til point efter { $name }: den laveste evaluerede pris får { $max } point, og et tilbud mister det maksimale antal point for hver 100 %, dets pris ligger over den laveste, dog ikke under 0 point ved den dobbelte pris.
model-price-min-max = Prisen omregnes til point efter { $name }: den laveste evaluerede pris får { $max } point, den højeste 0 point, og priser derimellem får point lineært. Er alle priser ens, får alle tilbud { $max } point.
model-price-fixed-span = Prisen omregnes til point efter { $name }: en pris på { $low } eller derunder får { $max } point, en pris på { $high } eller derover 0 point, og priser derimellem får point lineært. Et tilbuds prispoint afhænger ikke af de øvrige tilbud.
model-price-logarithmic = Prisen omregnes til point efter { $name }: den laveste evaluerede pris får { $max } point, og pointene falder med logaritmen til prisens forhold til den laveste pris, til 0 point for en pris, der ligger { $zero_at } over den laveste. Logaritmen beregnes med 28 betydende cifre; det er det eneste tal i evalueringen, der ikke er eksakt.
model-price-formula = Prisen omregnes til point efter { $name }, med højst { $max } point, som beskrevet nedenfor.
model-price-formula-written = Prispointene (højst { $max }) beregnes eksakt efter denne formel og afrundes kun, hvor formlen eller afrundingsreglerne nedenfor siger det. En pris, for hvilken formlen ville dividere med nul eller give point uden for 0 til { $max }, pointsættes ikke: det ville være en fejl i formlen, som evalueringen afviser i stedet for at rette.
legend-price-variable = { $key ->
        [price] { $name } er tilbuddets evaluerede pris.
        [lowest] { $name } er den laveste evaluerede pris blandt de tilbud, der går videre til prisevaluering.
        [highest] { $name } er den højeste evaluerede pris blandt dem.
        [mean] { $name } er gennemsnittet af deres evaluerede priser.
       *[max] { $name } er priskriteriets maksimale point, { $max }.
    }
model-price-formula-example = Med tre tilbud til { $lowest }, { $price } og { $highest } får tilbuddet til { $price } for eksempel: { $computation }.
model-price-ppqp = Pris og kvalitet sammenholdes efter { $name }: den evaluerede pris divideret med kvalitetspointene. Et tilbuds tal afhænger ikke af de øvrige tilbud.
model-price-ppqp-corridor = Pris og kvalitet sammenholdes efter { $name } med en korridor: hvert tilbud, hvis kvalitetspoint pr. prisenhed ligger inden for { $corridor } af det bedste tilbuds, er i korridoren og rangeres før de øvrige, og inden for korridoren rangeres { $decision } først.
model-price-value-added-deduction = Pris og kvalitet sammenholdes efter { $name }: for hvert kvalitetskriterium er fulde point det beløb værd, der står i tabellen ovenfor, og den andel af fulde point, et tilbud opnår, trækkes fra dets pris. Et tilbuds evalueringspris afhænger ikke af de øvrige tilbud.
model-price-value-added-markup = Pris og kvalitet sammenholdes efter { $name }: for hvert kvalitetskriterium er fulde point det beløb værd, der står i tabellen ovenfor, og den andel af fulde point, et tilbud ikke opnår, lægges til dets pris. Et tilbuds evalueringspris afhænger ikke af de øvrige tilbud.
model-price-percent-deduction = Pris og kvalitet sammenholdes efter { $name }: prisen nedsættes med op til { $percent } i forhold til tilbuddets andel af de maksimale kvalitetspoint. Et tilbuds evalueringspris afhænger ikke af de øvrige tilbud.
model-price-percent-markup = Pris og kvalitet sammenholdes efter { $name }: prisen forhøjes med op til { $percent } i forhold til den andel af de maksimale kvalitetspoint, tilbuddet ikke opnår. Et tilbuds evalueringspris afhænger ikke af de øvrige tilbud.
model-relative-warning = **Bemærk:** et tilbuds prispoint afhænger af de øvrige tilbud gennem deres evaluerede priser (fx den laveste pris). Når et tilbud kommer til eller falder bort, kan den indbyrdes rangorden mellem andre tilbud derfor ændre sig; evalueringsrapporten oplyser, om det sker. Modellen og alle dens parametre offentliggøres her fuldt ud, som principperne om ligebehandling og gennemsigtighed kræver (direktiv 2014/24/EU art. 67, stk. 5, og udbudslovens § 160).
model-relative-warning-corridor = **Bemærk:** et tilbuds placering afhænger af de øvrige tilbud, fordi korridoren regnes fra det bedste forhold mellem kvalitet og pris blandt dem. Når et tilbud kommer til eller falder bort, kan den indbyrdes rangorden mellem andre tilbud derfor ændre sig; evalueringsrapporten oplyser, om det sker. Modellen og alle dens parametre offentliggøres her fuldt ud, som principperne om ligebehandling og gennemsigtighed kræver (direktiv 2014/24/EU art. 67, stk. 5, og udbudslovens § 160).
model-fixed-span-floor = **Bemærk:** priser under { $low } giver ikke flere prispoint.
model-formula-intro = Som formel:
formula-proportional = { $id } = { $max } × Pmin / P
formula-linear-slope = { $id } = { $max } × max(0; 1 − (P − Pmin) / ({ $slope } × Pmin))
formula-linear-from-lowest = { $id } = { $max } × (2 − P / Pmin)
formula-linear-from-lowest-floored = { $id } = { $max } × max(0; 2 − P / Pmin)
formula-min-max = { $id } = { $max } × (Pmax − P) / (Pmax − Pmin)
formula-fixed-span = { $id } = { $max } × min(1; max(0; ({ $high } − P) / ({ $high } − { $low })))
formula-logarithmic = { $id } = { $max } × max(0; 1 − ln(P / Pmin) / ln({ $base }))
formula-price-custom = { $id } = { $formula }
formula-sovereignty = { $id } = { $weight } × S / 100
formula-marks = { $id } = { $weight } × k / { $max }
formula-sub-term = { $weight } × k({ $id }) / { $max }
formula-sub = { $id } = { $weight } × ({ $terms })
formula-quality-sum = Q = { $terms }
formula-ppqp = Pris pr. kvalitetspoint = P / Q
formula-value-term-deduction = { $value } × k({ $id }) / { $max }
formula-value-term-markup = { $value } × (1 − k({ $id }) / { $max })
formula-value-added = Evalueringspris = P{ $terms }
formula-percent-deduction = Evalueringspris = P × (1 − Q / { $qmax } × { $percent })
formula-percent-markup = Evalueringspris = P × (1 + (1 − Q / { $qmax }) × { $percent })
formula-total = Samlet = { $terms }
legend-p = P er tilbuddets evaluerede pris.
legend-pmin = Pmin er den laveste evaluerede pris blandt de tilbud, der går videre til prisevaluering.
legend-pmax = Pmax er den højeste evaluerede pris blandt dem.
legend-q = Q er tilbuddets kvalitetspoint, dvs. summen af kvalitetskriteriernes point.
legend-score = k er kriteriets karakter på dets skala.
legend-score-named = k(…) er karakteren for det nævnte kriterium eller underkriterium på dets skala.
legend-sovereignty = S er tilbuddets suverænitetsscore i procent.
model-scale = Kvaliteten bedømmes på skalaen { $scale }, medmindre et kriterium har sin egen.
model-scale-own = { $criterion } bedømmes på skalaen { $scale }:
model-aggregation = { $aggregation }
model-disagreement = Afviger evaluatorernes karakterer på et kriterium med mere end { $spread } af skalaen, drøfter bedømmelsesudvalget dem, og det fremgår af evalueringsrapporten.
model-sovereignty = { $criterion } bedømmes ud fra tilbuddets suverænitetsvurdering, ikke af evaluatorerne: karakteren er suverænitetsscoren i procent (afsnit { $chapter }).
model-sovereignty-answer-rounding = Hvert svars point afrundes til { $decimals ->
        [0] hele point
        [one] én decimal
       *[other] { $decimals } decimaler
    } efter almindelige afrundingsregler, før svarene på et mål lægges sammen, som i Kommissionens beregningsark.
model-thresholds-intro = Disse kvalitetstærskler anvendes, før priserne evalueres (lovligt efter EU-Domstolens dom i sag C-546/16, Montte); et tilbud, der ikke når dem, afvises:
model-threshold-criterion = en karakter på mindst { $minimum } på { $criterion }
model-threshold-only = en karakter på mindst { $minimum } på { $criterion }, som alene er et mindstekrav: kriteriet vejer 0 og giver ingen point i den samlede vurdering
model-threshold-total = kvalitetspoint på mindst { $minimum } af det maksimale
model-threshold-max-pass = kun { $count ->
        [one] det tilbud
       *[other] de { $count } tilbud
    } med flest kvalitetspoint går videre til prisevaluering; står flere lige ved grænsen, går de alle videre.
model-rounding = Alle beregninger foretages eksakt, med brøker. { $step } Point og det tal, tilbuddene rangeres på, offentliggøres med { $decimals ->
        [one] én decimal
       *[other] { $decimals } decimaler
    } og afrundes { $strategy }. Tilbuddene rangeres på det offentliggjorte tal, så to tilbud med samme offentliggjorte tal står lige.
model-quality-relative-criterion = Kvaliteten vurderes relativt: på hvert kvalitetskriterium får det bedste af de konditionsmæssige tilbud, der har bestået mindstekravene til kvalitet, kriteriets fulde vægt, og de øvrige tilbud får vægten ganget med deres karakter divideret med den bedste karakter. Et tilbud med halvt så høj en karakter som det bedste får altså halvdelen af pointene. Mindstekravene til kvalitet vurderes på de absolutte karakterer, før kvaliteten gøres relativ.
model-quality-relative-total = Kvaliteten vurderes relativt på de samlede kvalitetspoint: det bedste af de konditionsmæssige tilbud, der har bestået mindstekravene til kvalitet, får det højeste antal kvalitetspoint, og de øvrige tilbud får dette antal ganget med deres kvalitetspoint divideret med det bedste tilbuds. Mindstekravene til kvalitet vurderes på de absolutte point, før kvaliteten gøres relativ.
model-relative-total = Den samlede pointsum gøres relativ til det bedste tilbud: tilbuddet med den højeste samlede pointsum får { $max } point, og de øvrige tilbud får deres samlede pointsum × { $max } / den højeste samlede pointsum. Tilbuddene rangordnes efter de relative pointsummer, afrundet som angivet nedenfor.
derivation-quality-relative = Kvalitetspoint i forhold til det bedste tilbud: { $derivation }
model-tie-intro = Står tilbud lige, afgøres det efter disse regler i denne rækkefølge:
model-tie-none = Udbudsmaterialet fastsætter ingen regel for at afgøre pointlighed.

## Regneeksemplet.

example-order-only = Der er intet regneeksempel, fordi kriterierne kun har en prioriteret rækkefølge.
example-bid = Tilbud { $letter }
example-intro = Eksemplet viser, hvordan modellen virker, med { $count ->
        [3] tre
        [4] fire
        [5] fem
        [6] seks
       *[other] { $count }
    } tænkte tilbud. **Priserne og karaktererne er opdigtede til eksemplet** og siger intet om de forventede tilbud; kravene kontrolleres ikke.
example-results = Resultatet:
example-derivation = **{ $bid }:**
example-sovereignty-points = { $points } pr. mål
example-outcome = I eksemplet ville delkontrakten blive tildelt { $bids }.
example-no-award = I eksemplet ville intet tilbud få tildelt delkontrakten.
th-bid = Tilbud
th-price = Pris
th-one-off = Engangsomkostninger
th-recurring = Løbende omkostninger pr. år
th-options = Optioner i alt
th-mark = Karakter { $criterion }
th-sovereignty-points = Suverænitetspoint { $criterion }

## Afsnittene om SEAL, suverænitetsmål og standarder.

seal-intro = SEAL (Sovereignty Effectiveness Assurance Level) er skalaen i Europa-Kommissionens Cloud Sovereignty Framework (version 1.2.1, oktober 2025) for, hvor stor en del af en tjeneste der er under EU-kontrol, fra SEAL-0 til SEAL-4. Navnene og definitionerne nedenfor er rammens egne i dansk gengivelse.
seal-aggregation = Hvert svar i tilbudsgiverens suverænitetsvurdering har et SEAL-niveau. Et måls niveau er det laveste blandt dets svar, og det samlede niveau er det laveste blandt målene: et minimum, aldrig et gennemsnit. Ingen tilbudsgiver udelukkes på grund af nationalitet; tjenesten vurderes på sine niveauer.
th-level = Niveau
th-name = Navn
th-definition = Definition
seal-minimums-intro = Udbuddet kræver disse mindsteniveauer:
seal-no-minimum = Udbuddet fastsætter intet mindste SEAL-niveau.
seal-scope-all = alle delkontrakter
seal-scope-lot = delkontrakt { $lot }
seal-scope-lots = { $count ->
        [one] delkontrakt
       *[other] delkontrakterne
    } { $lots }
seal-each-objective = hvert mål, SOV-1 til SOV-8
seal-overall = det samlede niveau
th-requirement = Krav
th-severity = Kravtype
th-applies-to = Gælder for
th-objective = Mål
th-minimum-seal = Minimum
objectives-intro = Rammen vurderer suverænitet under otte mål, SOV-1 til SOV-8. For hvert mål giver tilbudsgiverens vurdering point ud af 1000 (summen af svarene) og et SEAL-niveau.
th-weight-in = Vægt i { $criteria }
objectives-not-scored = Intet tildelingskriterium giver point for suverænitetsmålene; de har betydning gennem mindstekravene til SEAL-niveau.
weights-source-csf-v1-2-1 = vægtene i Cloud Sovereignty Framework v1.2.1 (Europa-Kommissionen, oktober 2025), afsnit 5
weights-source-calculator-2026 = eksempelvægtene i bilaget »Annex – Sovereignty assessment calculator« (Europa-Kommissionen, 1. juni 2026)
weights-source-custom = ordregivers egne vægte, der summer til { $sum }
objectives-weights-source = Vægtene i { $criteria } er { $source }.
objectives-score = Suverænitetsscoren i procent er summen over målene af pointene divideret med 1000 gange målets vægt. Pointene tæller som angivet og nedskæres ikke: Kommissionens beregningsark afrunder svarværdierne, så et mål kan summere til lidt over 1000 (fx 1002), og scoren kan dermed overstige 100 %.
objectives-seal-independent = SEAL-niveauerne (afsnit { $chapter }) og suverænitetsscoren er to aflæsninger af den samme vurdering: mindstekravene til SEAL-niveau er bestået eller ikke bestået, og scoren sammenligner de tilbud, der består dem.
standards-intro = Udbuddet nævner disse åbne standarder. Hvor en version er angivet, kræves den version eller en senere, bagudkompatibel version.
th-standard = Standard
th-version = Version
th-body = Organ og reference
th-required-by = Krævet af
spec-not-required-intro = Udbuddet kræver bevidst ikke følgende:

## Evalueringsrapporten.

report-title = Evalueringsrapport: { $title }
report-intro = Rapporten viser for hver delkontrakt, hvordan tilbuddene er evalueret: hvilke krav hvert tilbud opfylder, pointene på hvert kriterium med udregning, rangordningen og tildelingen. Alle tal er beregnet eksakt og kun afrundet, som udbudsmaterialet foreskriver.
report-h-summary = Sammenfatning
th-lot = Delkontrakt
th-title = Titel
th-estimated-value = Anslået værdi
th-cpv = CPV
th-suppliers-to-award = Antal leverandører
th-bids-received = Tilbud
th-bids-ranked = Rangeret
th-awarded-to = Tildelt
report-cross-lot-warnings = På tværs af delkontrakterne:
report-h-ranking = Rangordning
report-compare-total = Tilbuddene rangeres på deres samlede point, med prisen omregnet til point efter { $model }.
report-compare-ppqp = Tilbuddene rangeres efter { $model }: den laveste pris pr. kvalitetspoint først.
report-compare-evaluation-price = Tilbuddene rangeres efter { $model }: den laveste evalueringspris først.
report-corridor = Hvert tilbud, hvis kvalitetspoint pr. prisenhed ligger inden for { $corridor } af det bedste tilbuds, er i korridoren og rangeres før de øvrige; inden for korridoren rangeres { $decision } først.
report-price-formula = Prispointene for { $criterion } beregnes eksakt efter udbudsmaterialets egen formel { $formula }; hvert tilbuds udregning nedenfor viser den med tilbuddets tal i stedet for navnene.
report-basis-total = Priserne er evalueret som samlede priser for kontraktperioden ekskl. moms.
report-basis-basket = Priserne er evalueret som tilbudslistens enhedspriser ganget med de forventede mængder, ekskl. moms.
report-basis-lcc = Priserne er evalueret som livscyklusomkostninger ekskl. moms.
report-price-range = Laveste evaluerede pris: { $lowest }. Højeste: { $highest }.
th-rank = Placering
th-bidder = Tilbudsgiver
th-bid-id = Tilbud
th-evaluated-price = Evalueret pris
th-price-points = Prispoint
th-quality-points = Kvalitetspoint
th-total = Samlet
th-ppqp = Pris pr. kvalitetspoint
th-evaluation-price = Evalueringspris
th-awarded = Tildelt
th-status = Status
th-reason = Begrundelse
report-no-ranked = Intet tilbud er rangeret.
report-not-ranked-intro = Tilbud, der ikke er rangeret:
report-h-ties = Pointlighed
report-tie-broken = { $bids } står lige med { $value }; pointligheden afgøres efter reglen om, at { $rule }.
report-tie-partly = { $bids } står lige med { $value }; reglen om, at { $rule }, adskiller nogle af dem, men ikke alle.
report-tie-unresolved = { $bids } står lige med { $value }, og reglerne for pointlighed adskiller dem ikke.
report-h-seals = Suverænitetsniveauer (SEAL) pr. tilbud
report-seals-intro = Hvert tilbuds samlede SEAL-niveau (det laveste blandt målene) og niveauet for hvert mål efter tilbudsgiverens suverænitetsvurdering, uanset om et mindstekrav bruger dem:
th-overall-seal = Samlet SEAL
seal-no-assessment = ingen vurdering
report-fact-seal = **SEAL:** samlet { $overall } ({ $objectives })
report-rejected-intro = **Tilbuddet afvises som ukonditionsmæssigt**, fordi:
report-h-close-calls = Tæt afgørelse
report-close-calls-intro = Tildelingen afhænger af små forskelle. Bedømmelsesudvalget bør gennemgå følgende, før beslutningen træffes; robusthedsanalysen giver det fulde billede:
letter-rejected = Jeres tilbud er ukonditionsmæssigt og kan derfor ikke tages i betragtning.
report-skipped-intro = { $count ->
        [one] Følgende fil kunne ikke læses som et tilbud i dette udbud og indgår ikke i evalueringen. Den skal rettes og evalueringen gentages, før tildelingsbeslutningen træffes:
       *[other] Følgende { $count } filer kunne ikke læses som tilbud i dette udbud og indgår ikke i evalueringen. De skal rettes og evalueringen gentages, før tildelingsbeslutningen træffes:
    }
report-not-read-intro = { $count ->
        [one] Følgende fil i tilbudsmappen er ikke læst som et tilbud (en skjult fil, en mappe eller en fil af en anden type). Er den et tilbud, skal den indgå, før tildelingsbeslutningen træffes:
       *[other] Følgende { $count } filer i tilbudsmappen er ikke læst som tilbud (skjulte filer, mapper eller filer af en anden type). Er en af dem et tilbud, skal den indgå, før tildelingsbeslutningen træffes:
    }
report-h-warnings = Bemærkninger til bedømmelsesudvalget
report-h-rank-reversal = Kontrol af ændringer i den indbyrdes rangorden
report-rank-reversal-intro = Prismodellen afhænger af de øvrige tilbud, så evalueringen kontrollerer, om rækkefølgen mellem de andre tilbud ændrer sig, hvis et tilbud, der ikke tildeles kontrakten, fjernes.
report-rank-reversal-none-tried = Intet af de tilbud, der ikke tildeles kontrakten, fastlægger en pris, som prismodellen måler de øvrige tilbud op imod, så fjernes et af dem, kan rækkefølgen mellem de andre ikke ændre sig.
report-rank-reversal-none = { $count ->
        [one] Fjernes { $tried }, forbliver rækkefølgen mellem de andre tilbud uændret.
       *[other] Fjernes ét af tilbuddene { $tried }, forbliver rækkefølgen mellem de andre tilbud uændret.
    }
report-rank-reversal-found = { $count ->
        [one] Fjernes { $tried }, ændres rækkefølgen mellem andre tilbud:
       *[other] Fjernes tilbuddene { $tried } ét ad gangen, ændres rækkefølgen mellem andre tilbud:
    }
report-rank-reversal-item = uden { $removed } kommer { $now_ahead } foran { $was_ahead }.
report-h-bids = Tilbuddene i detaljer
report-fact-bidder = **Tilbudsgiver:** { $name } ({ $id }), { $country }
report-fact-submitted = **Modtaget:** { $date }
report-fact-rank = **Resultat:** placering { $rank }
report-fact-rank-awarded = **Resultat:** placering { $rank }, tildelt
report-fact-rank-passed-over = **Resultat:** placering { $rank }, forbigået på grund af grænsen for antal delkontrakter pr. tilbudsgiver
report-fact-status = **Resultat:** { $status }
report-gates-intro = Præmisser og mindstekrav:
th-result = Resultat
report-excluded = **Tilbuddet er ikke rangeret.** { $reason }
report-criteria-intro = Kvalitetspoint:
th-score = Karakter
th-points = Point
report-quality-total = Kvalitetspoint i alt
report-quality-share = { $percent } af det maksimale
report-derivations-intro = Sådan er tallene beregnet:
derivation-sovereignty = { $criterion }, pr. mål: { $objectives }
derivation-measured = { $criterion }: tilbudt værdi { $value } { $unit }
derivation-price-basis = Evalueret pris: { $derivation }
derivation-price-points = { $criterion }: { $derivation }
derivation-adjustment = Justering for { $criterion }: { $derivation }
derivation-total = Samlet: { $derivation }
derivation-total-relative = Samlet pointsum i forhold til det bedste tilbud: { $derivation }
derivation-ppqp = Pris pr. kvalitetspoint: { $derivation }
derivation-evaluation-price = Evalueringspris: { $derivation }
report-justifications-intro = Evaluatorernes begrundelser:
th-evaluator = Evaluator
th-justification = Begrundelse
th-descriptor = Betydning
report-h-letters = Afsnit til tildelingsbrevene
report-letters-intro = Ét afsnit pr. tilbudsgiver. Afsnittene indgår i tildelingsbeslutningen med et brev til hver tilbudsgiver (udbudslovens § 171 og direktiv 2014/24/EU art. 55) sammen med standstill-perioden og klagevejledningen.
letter-to = **Til { $bidder }, delkontrakt { $lot } ({ $title }).**
letter-scores-total = { $total } point (pris { $price_points } point, kvalitet { $quality } point)
letter-scores-ppqp = en pris pr. kvalitetspoint på { $figure } (evalueret pris { $price }, { $quality } kvalitetspoint)
letter-scores-evaluation-price = en evalueringspris på { $figure } (evalueret pris { $price }, { $quality } kvalitetspoint)
letter-awarded = Jeres tilbud er placeret som nr. { $rank } af { $ranked } med { $scores }, og delkontrakten tildeles jer.
letter-awarded-shared = Jeres tilbud er placeret som nr. { $rank } af { $ranked } med { $scores }, og I er blandt de { $count } tilbudsgivere, som delkontrakten tildeles: { $bids }.
letter-ranked = Jeres tilbud er placeret som nr. { $rank } af { $ranked } med { $scores }.
letter-passed-over = Jeres tilbud er placeret som nr. { $rank } af { $ranked } med { $scores }, men I har allerede fået tildelt { $count ->
        [one] delkontrakt
       *[other] delkontrakterne
    } { $won }, det største antal delkontrakter, én tilbudsgiver kan få tildelt, så denne delkontrakt går til det næste tilbud i rangordenen.
letter-award-to = Delkontrakten tildeles { $bids }.
letter-reference-winner = Delkontrakten tildeles { $bid }, hvis tilbud opnåede { $scores }.
letter-corridor-both = Begge tilbud ligger i korridoren, hvor { $decision } rangeres først.
letter-corridor-outside = Det vindende tilbud ligger i korridoren, og jeres gør ikke, så det vindende tilbud rangeres først.
letter-reference-last = Det lavest placerede af de tildelte tilbud, fra { $bid }, opnåede { $scores }.
letter-advantages = { $count ->
        [one] Det vindende tilbuds
       *[other] Dette tilbuds
    } relative fordele i forhold til jeres: { $list }.
letter-your-advantages = Jeres tilbud klarede sig bedre på: { $list }.
letter-no-advantages = Det tilbud opnåede ikke flere point end jeres på noget enkelt kriterium; det er placeret foran efter reglerne for pointlighed.
letter-criterion-points = { $criterion }: jeres tilbud { $yours } point, det vindende tilbud { $winner } point
letter-criterion-price = evalueret pris: jeres tilbud { $yours }, det vindende tilbud { $winner }
letter-excluded = Jeres tilbud kan ikke tages i betragtning. { $reason }
letter-gate = Om { $requirement }: { $reasons }
letter-no-award = Delkontrakten tildeles ikke på grundlag af denne evaluering.

## Tildelingsbeslutningen med et brev til hver tilbudsgiver (udbudslovens § 171).

decision-title = Tildelingsbeslutning: { $title }
decision-intro = Ordregiver har truffet beslutning om tildeling på grundlag af evalueringen af tilbuddene. Beslutningen står i afsnit 1; hver tilbudsgiver underrettes om beslutningen og begrundelsen for den i sit brev nedenfor (udbudslovens § 171).
decision-h-decision = Tildelingsbeslutning
decision-lot = Delkontrakt { $lot }:
decision-h-letters = Underretning af tilbudsgiverne, delkontrakt { $lot }: { $title }
decision-no-bids = Der er ikke modtaget tilbud på delkontrakten.
letter-standstill = Kontrakten indgås tidligst, når standstill-perioden er udløbet: 10 kalenderdage regnet fra dagen efter den dag, hvor denne underretning er afsendt elektronisk (lov om Klagenævnet for Udbud m.v. § 3, stk. 1, nr. 1).
letter-complaint = Klage over tildelingsbeslutningen kan indgives til { $body } efter lov om Klagenævnet for Udbud m.v. En klage, der indgives inden udløbet af standstill-perioden, har opsættende virkning, indtil klagenævnet har afgjort, om den fortsat skal have det (§ 12, stk. 1); klageren skal senest samtidig skriftligt underrette ordregiver om klagen (§ 6, stk. 4).
review-body-default = Klagenævnet for Udbud
report-internal = **Internt arbejdsdokument for bedømmelsesudvalget.** Rapporten indeholder alle tilbud, karakterer og begrundelser og bemærkninger til udvalget. Tilbudsgiverne underrettes med tildelingsbeslutningen og hver sit brev.

## Robusthedsanalysen: et selvstændigt dokument eller evalueringsrapportens sidste kapitel.
#
# Id'er for tilbud og kriterier er allerede escapet. `analysis-reason-evaluation-failed*` får
# tender-scores engelske $message, som den danske tekst udelader.

analysis-title = Robusthedsanalyse: { $title }
analysis-h-chapter = Bilag: robusthedsanalyse
analysis-intro = Analysen viser, hvor robust evalueringen er: hvor langt hver vægt kan flyttes, før vinderen skifter, ved hvilken pris hvert af de øvrige tilbud ville komme på højde med vinderen, hvor ofte vinderen forbliver først, når vægtene trækkes tilfældigt omkring de offentliggjorte, hvad de andre prismodeller og afrundingsregler ville give, og om rækkefølgen mellem de øvrige tilbud ændrer sig, når et tilbud fjernes. Den er beregnet på de samme tilbud og karakterer som evalueringen og indgår ikke i grundlaget for tildelingsbeslutningen.
analysis-lot-ranking = { $count ->
        [one] Kun { $ranked } er rangeret.
       *[other] Rangerede tilbud i evalueringens rækkefølge: { $ranked }.
    }
analysis-lot-limit = Tildelingen følger udbuddets grænse for antal delkontrakter pr. tilbudsgiver; analyserne nedenfor gælder alene rangordningen i denne delkontrakt.
analysis-skipped = Ikke beregnet: { $reason }.
analysis-h-sensitivity = Vægtfølsomhed
analysis-sensitivity-intro = { $basis ->
        [money] Hvert kvalitetskriteriums pengeværdi (værdien af fulde point) flyttes på skift, mens de øvrige skaleres forholdsmæssigt, så summen forbliver { $total }.
       *[weights] Hvert kriteriums vægt flyttes på skift, mens de øvrige vægte skaleres forholdsmæssigt, så summen forbliver { $total }.
    } Grænserne er beregnet eksakt på uafrundede totaler; afrunding af kriteriepoint eller total indgår ikke.
analysis-sensitivity-agrees = På de eksakte totaler rangeres tilbuddene som i evalueringen.
analysis-sensitivity-disagrees = **Bemærk:** på de eksakte totaler er { $winner } først, og delkontrakten går til { $awarded }, hvilket ikke er evalueringens rangordning: evalueringen rangerer på de offentliggjorte, afrundede tal og afgør pointlighed efter udbuddets regler. Grænserne nedenfor gælder den eksakte rangordning.
analysis-sensitivity-winner = { $winner } forbliver først, så længe { $basis ->
        [money] et kriteriums pengeværdi
       *[weights] et kriteriums vægt
    } ligger inden for disse grænser:
analysis-sensitivity-awarded = Delkontrakten går til de samme tilbud ({ $awarded }), så længe { $basis ->
        [money] et kriteriums pengeværdi
       *[weights] et kriteriums vægt
    } ligger inden for disse grænser:
analysis-sensitivity-no-interval = Ingen grænser for { $criterion }: { $reason }.
th-published = Offentliggjort
th-lower-end = Nedre grænse
th-below = Derunder
th-upper-end = Øvre grænse
th-above = Derover
analysis-end-limit-low = ingen ændring helt ned til 0
analysis-end-limit-high = ingen ændring helt op til hele summen
analysis-end-overtaken = { $bid } overhaler
analysis-end-award-changes = { $enters } tildeles i stedet for { $leaves }
analysis-end-quality-minimum = { $bid } krydser mindstekravet til samlet kvalitet
analysis-end-max-pass = { $enters } går videre til prisevaluering i stedet for { $leaves }
analysis-h-break-even = Break-even-priser
analysis-break-even-intro = For hvert rangeret tilbud, der ikke vinder: den evaluerede pris, hvor det ville komme på højde med det tilbud, det skal forbi, når alt andet er uændret. Til den pris står tilbuddet lige eller foran (pointlighed afgøres efter reglerne herfor), og { $unit } mere placerer det bagefter. Priserne er evaluerede priser som i evalueringen.
analysis-break-even-relative = Med denne prismodel flytter et tilbuds egen pris de priser, modellen sammenligner med (som den laveste pris), og dermed de øvrige tilbuds point; priserne tager højde for det.
analysis-break-even-none = Alle rangerede tilbud er placeret først.
analysis-break-even-award-intro = Delkontrakten tildeles { $count } leverandører. Den pris, hvor hvert af de tilbud, der ikke tildeles, ville blive tildelt:
th-price-to-win = Pris for at vinde
th-price-to-be-awarded = Pris for at blive tildelt
th-reduction = Nedsættelse
th-level-with = Lige med
analysis-reduction = { $amount } ({ $percent })
analysis-tied-now = står allerede lige med { $bid } på det offentliggjorte tal; reglerne for pointlighed placerer det bagefter
analysis-cannot-win = kan ikke vinde til nogen positiv pris (heller ikke til { $unit })
analysis-cannot-be-awarded = kan ikke blive tildelt til nogen positiv pris (heller ikke til { $unit })
analysis-h-stability = Rangordenens stabilitet
analysis-stability-dirichlet = { $count ->
        [one] Ét sæt vægte er
       *[other] { $samples } sæt vægte er
    } trukket tilfældigt fra en Dirichlet-fordeling centreret om de offentliggjorte vægte med koncentrationen { $concentration } (jo større, jo tættere på de offentliggjorte vægte), og de rangerede tilbud er sammenlignet med hvert sæt. Startværdien (seed) er { $seed }: samme startværdi giver samme resultat på enhver maskine.
analysis-stability-uniform = { $count ->
        [one] Ét sæt vægte er
       *[other] { $samples } sæt vægte er
    } trukket tilfældigt, idet hver vægt er flyttet uafhængigt med op til ±{ $percent } og alle er skaleret tilbage til den offentliggjorte sum, og de rangerede tilbud er sammenlignet med hvert sæt. Startværdien (seed) er { $seed }: samme startværdi giver samme resultat på enhver maskine.
analysis-stability-winner = { $winner } forbliver først i { $estimate } af stikprøverne (standardfejl { $error }).
analysis-stability-awarded = Delkontrakten går til de samme tilbud i { $estimate } af stikprøverne (standardfejl { $error }).
th-probability-win = Sandsynlighed for at vinde
th-probability-award = Sandsynlighed for at blive tildelt
analysis-probability = { $estimate } ± { $error }
analysis-h-price-models = Prismodeller og afrunding
analysis-price-models-intro = Delkontrakten evalueret igen med de samme tilbud og karakterer under hver alternativ prismodel og afrundingsregel; første række er udbuddets egen. Hvert tilbuds offentliggjorte tal står i parentes.
th-variant = Prismodel og afrunding
th-ranking = Rangordning
th-ties = Pointligheder
th-change = Ændring
analysis-changes-winner = **anden vinder**
analysis-changes-awarded = **andre tilbud tildelt**
analysis-no-change = ingen
analysis-not-evaluated = ikke evalueret: { $reason }
analysis-variant-own = { $model } (udbuddets egen), { $rounding }
analysis-variant-rounding = { $model }, { $rounding }
analysis-rounding = { $step ->
        [aggregate] hvert kriteriums sammenvejede karakter fra bedømmerne
        [grade] hvert kriteriums karakter på kriteriets egen skala (prisens karakter på evalueringsmodellens skala)
        [price-points] pointene for pris
        [quality] de samlede kvalitetspoint
        [ratio] hvert kriteriums andel af de fulde point
        [criterion] hvert kriteriums point
       *[total] totalen
    } afrundet til { $decimals ->
        [0] hele tal
        [one] én decimal
       *[other] { $decimals } decimaler
    }, { $strategy ->
        [half-up] 5 rundes væk fra nul
        [half-even] 5 rundes til nærmeste lige ciffer
        [half-down] 5 rundes mod nul
        [down] altid mod nul
       *[up] altid væk fra nul
    }
analysis-model-linear-slope = den lineære prismodel med hældning, 0 point ved en pris { $slope } over den laveste
analysis-model-linear-from-lowest-floored = den lineære prismodel fra laveste pris, aldrig under 0 point
analysis-model-fixed-span = den lineære prismodel med fast prisspænd fra { $low } til { $high }
analysis-model-logarithmic = den logaritmiske prismodel, 0 point ved en pris { $zero_at } over den laveste
analysis-model-formula = udbudsmaterialets egen prisformel `{ $formula }`
analysis-model-corridor = metoden pris pr. kvalitetspoint med en korridor på { $corridor }, inden for hvilken { $decision } rangeres først
analysis-model-value-added-deduction = merværdimetoden, kvalitet fratrukket prisen
analysis-model-value-added-markup = merværdimetoden, manglende kvalitet lagt til prisen
analysis-model-percent-deduction = procentjusteringsmetoden, prisen nedsat med op til { $percent } for kvalitet
analysis-model-percent-markup = procentjusteringsmetoden, prisen forhøjet med op til { $percent } for manglende kvalitet
analysis-assumptions-intro = Parametre, som udbuddet ikke fastsætter, og som er valgt til sammenligningen:
analysis-assumption-price-weight = { $models }: prisen vægtes { $weight }, summen af kvalitetsvægtene, så pris og kvalitet vægter lige meget, fordi udbuddet ikke giver prisen nogen vægt.
analysis-assumption-money-values = { $models }: pengeværdierne er udledt af den anslåede værdi { $estimate }, fordelt efter vægtene (prisens andel { $share } af { $total }): { $values }.
analysis-h-reversal = Ændringer i den indbyrdes rangorden
analysis-reversal-intro = Hvert rangeret tilbud fjernes på skift, og delkontrakten evalueres igen uden det; to andre tilbud, der bytter plads, viser en ændring i den indbyrdes rangorden.
analysis-reversal-none = { $count ->
        [one] Med ét rangeret tilbud er der intet, der kan bytte plads.
       *[other] Fjernes et hvilket som helst af de { $count } rangerede tilbud, forbliver de øvrige i samme rækkefølge.
    }
analysis-reversal-found = Fjernes disse tilbud, ændres rækkefølgen mellem de øvrige:
analysis-reversal-new-winner = uden { $removed } vinder { $winner }.
analysis-reason-no-ranked-bid = intet tilbud er rangeret
analysis-reason-fewer-than-two-ranked = færre end to tilbud er rangeret
analysis-reason-relative-quality-total = kvalitetspointene er relative til det bedste tilbuds samlede kvalitetspoint, hvilket ikke er en vægtet sum, så omvægtning kan ikke anvendes
analysis-reason-relative-total = den samlede pointsum er relativ til det bedste tilbuds samlede pointsum, hvilket ikke er en vægtet sum og flytter sig med det bedste tilbud, så omvægtning og break-even-priser kan ikke anvendes
analysis-reason-several-price-criteria = flere priskriterier evaluerer hver sin del af prisen, så der er ingen samlet pris at flytte og ingen prismodel at udskifte
analysis-reason-corridor = den udvidede metode pris pr. kvalitetspoint afgør inden for en korridor om det bedste forhold, hvilket ikke er en vægtet sum, så omvægtning kan ikke anvendes
analysis-reason-no-weighted-criteria = delkontrakten har ingen vægtede kriterier
analysis-reason-no-quality-weights = kvalitetskriterierne har ingen vægte
analysis-reason-missing-result = evalueringen giver ikke { $bid } et resultat for { $criterion }
analysis-reason-missing-price = evalueringen giver ikke { $bid } en pris
analysis-reason-bid-price-not-positive = { $bid } har en pris, der ikke er over nul
analysis-reason-price-not-positive = en prismodel dividerer med en pris, der ikke er over nul
analysis-reason-logarithm = den logaritmiske prismodel kunne ikke beregnes
analysis-reason-formula-uses-other-bids = prisformlen bruger de andre tilbuds priser (laveste, højeste eller gennemsnit), så et tilbuds pris flytter de andre tilbuds point på en måde, søgningen efter break-even-prisen ikke kan afgrænse; ikke beregnet
analysis-reason-formula-not-monotone = det er ikke vist, at prisformlens point falder, når prisen stiger, så en søgning på prisen ville ikke være sikker; ikke beregnet
analysis-reason-formula-failed = prisformlen kan ikke beregnes ved en pris, analysen prøvede (en division med nul eller point uden for 0 til maksimum)
analysis-reason-formula-not-proportional = formlen for { $criterion } giver point, der ikke er proportionale med kriteriets vægt (maks), så en ændret vægt skalerer dem ikke; vægtfølsomhed og Monte Carlo-analysen kan ikke anvendes
analysis-reason-too-large = tallene er for store til at blive beregnet eksakt
analysis-reason-carries-all-weight = kriteriet bærer hele vægten og kan derfor ikke omvægtes
analysis-reason-no-samples = der er ikke bedt om stikprøver
analysis-reason-not-asked-for = der er ikke bedt om den
analysis-reason-too-many-ranked = { $ranked } tilbud er rangeret, flere end grænsen på { $limit } for den udtømmende kontrol
analysis-reason-no-estimate-for-span = prisspændet kræver delkontraktens anslåede værdi
analysis-reason-no-estimate-for-money-values = pengeværdierne kræver hvert kriteriums pengeværdi eller delkontraktens anslåede værdi
analysis-reason-no-price-criterion = delkontrakten har intet priskriterium
analysis-reason-no-weights-to-share = kriterierne har ingen vægte at fordele den anslåede værdi efter
analysis-reason-parameters-too-large = udbuddets beløb eller vægte er for store til at udlede parametrene af
analysis-reason-evaluation-failed = evalueringen kan ikke gennemføres
analysis-reason-evaluation-failed-bid = evalueringen kan ikke gennemføres for { $bid }

## Charts (the HTML edition): each has a table with the same figures.

chart-points-title = Point pr. tilbud fordelt på tildelingskriterier, delkontrakt { $lot }
chart-points-desc = En vandret søjle for hvert rangeret tilbud med dets point for hvert tildelingskriterium lagt efter hinanden og den samlede pointsum efter søjlen. Tabellen under diagrammet har de samme tal.
chart-sensitivity-title = De vægte, hvor { $winner } forbliver først
chart-sensitivity-desc = For hvert kriterium spændet af vægte, inden for hvilket det samme tilbud forbliver først, når de øvrige kriterier deler resten i samme forhold som offentliggjort; stregen er den offentliggjorte vægt. Tabellen under diagrammet har de samme tal.
chart-sensitivity-range = Spænd, hvor vinderen er den samme
chart-break-even-title = Pris for at vinde mod evalueret pris
chart-break-even-desc = For hvert tilbud, der kan vinde på prisen, spændet fra den pris, hvor det ville vinde, til dets evaluerede pris; stregen er den evaluerede pris. Tabellen under diagrammet har de samme tal.
chart-break-even-range = Nødvendig prisnedsættelse
chart-stability-title = Sandsynlighed for at vinde ved tilfældige vægte
chart-stability-desc = For hvert rangeret tilbud den anslåede sandsynlighed for at blive først, når vægtene trækkes tilfældigt. Tabellen under diagrammet har de samme tal med deres standardfejl.
chart-quality-title = Kvalitetspoint pr. tilbud fordelt på tildelingskriterier, delkontrakt { $lot }
chart-quality-desc = En vandret søjle for hvert rangeret tilbud med dets point for hvert kvalitetskriterium lagt efter hinanden og kvalitetspointene i alt efter søjlen; tilbuddene rangeres på pris, som tabellen ovenfor viser. Tabellen under diagrammet har de samme tal.
## Målbare tildelingskriterier (issue 18).
scale-measured = tilbudt værdi ({ $unit })
th-stated-value = Værdi { $criterion }
th-measured-from = { $direction ->
        [higher] Mindst ({ $unit })
       *[lower] Højst ({ $unit })
    }
formula-measured-proportional-higher = { $id } = { $weight } × v / vbedst
formula-measured-proportional-lower = { $id } = { $weight } × vbedst / v
formula-measured-linear = { $id } = { $weight } × min(1; max(0; (v − { $zero }) / ({ $full } − { $zero })))
formula-measured-bands = { $id } = { $weight } × k(v) / { $max }
formula-measured-custom = { $id } = { $formula }
legend-measured = v er den tilbudte værdi på et målbart tildelingskriterium; vbedst den bedste tilbudte værdi blandt de tilbud, der går videre til evaluering; k(v) karakteren for det interval, værdien når.
model-measured = { $criterion } er et målbart tildelingskriterium: det bedømmes ud fra den værdi, tilbuddet angiver, i { $unit }. { $direction ->
        [higher] En højere værdi er bedre.
       *[lower] En lavere værdi er bedre.
    }
model-measured-proportional = Den bedste tilbudte værdi blandt de tilbud, der går videre til evaluering, får { $weight } point; hvert andet tilbud får { $weight } point gange { $direction ->
        [higher] sin egen værdi divideret med den bedste værdi.
       *[lower] den bedste værdi divideret med sin egen værdi.
    }
model-measured-linear = En værdi på { $full } eller bedre giver { $weight } point, en værdi på { $zero } giver 0 point, og værdier derimellem giver point forholdsmæssigt (en ret linje).
model-measured-beyond-zero = En værdi, der er dårligere end { $zero }, giver 0 point.
model-measured-beyond-reject = Et tilbud med en værdi, der er dårligere end { $zero }, opfylder ikke udbudsmaterialet og afvises som ukonditionsmæssigt.
model-measured-bands = Værdien giver karakteren for det første interval, den når, på en skala op til { $max }:
model-measured-below-zero = En værdi { $direction ->
        [higher] under
       *[lower] over
    } { $limit } giver 0 point.
model-measured-below-reject = Et tilbud med en værdi { $direction ->
        [higher] under
       *[lower] over
    } { $limit } opfylder ikke udbudsmaterialet og afvises som ukonditionsmæssigt.
model-measured-formula = Pointene beregnes eksakt efter denne formel og afrundes kun, hvor formlen siger det:
legend-measured-variable = { $key ->
        [value] { $name } er den tilbudte værdi.
        [best] { $name } er den bedste tilbudte værdi blandt de tilbud, der går videre til evaluering.
        [worst] { $name } er den dårligste tilbudte værdi blandt dem.
        [lowest] { $name } er den laveste tilbudte værdi blandt dem.
        [highest] { $name } er den højeste tilbudte værdi blandt dem.
        [mean] { $name } er gennemsnittet af de tilbudte værdier blandt dem.
       *[max] { $name } er kriteriets maksimale point, { $weight }.
    }
legend-measured-constant = { $name } er { $value }, som udbudsmaterialet fastsætter.
model-measured-formula-example = Et tilbud, der tilbyder { $value }, når den bedste tilbudte værdi er { $best } og den dårligste { $worst } (og gennemsnittet er tilbuddets egen værdi), får for eksempel: { $computation }.
model-measured-range = De acceptable værdier er { $min } til { $max }; et tilbud med en værdi uden for dem opfylder ikke udbudsmaterialet og afvises som ukonditionsmæssigt.
model-measured-min = Et tilbud med en værdi under { $min } opfylder ikke udbudsmaterialet og afvises som ukonditionsmæssigt.
model-measured-max = Et tilbud med en værdi over { $max } opfylder ikke udbudsmaterialet og afvises som ukonditionsmæssigt.
model-measured-missing = Et tilbud, der ikke angiver en værdi for kriteriet, opfylder ikke udbudsmaterialet og afvises som ukonditionsmæssigt.
formula-var-value = værdi
formula-var-best = bedste
formula-var-worst = dårligste
formula-var-lowest = laveste
formula-var-highest = højeste
formula-var-mean = gennemsnit
formula-var-max = maks
formula-var-price = pris

analysis-break-even-values-intro = Den tilbudte værdi på et målbart tildelingskriterium, hvor et tilbud ville blive rangeret først, alt andet uændret (hvert trin er en fuld evaluering, så den bedste tilbudte værdi flytter sig med):
th-value-offered = Tilbudt værdi
th-value-to-win = Værdi for at blive nr. 1
analysis-value-cannot-win = ikke nr. 1 selv ved { $limit }
