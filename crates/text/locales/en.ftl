# English texts of the tender documents.
#
# Every message here must exist in every other catalogue (the test `catalogues` lists gaps).
# Text is Markdown: `**bold**` is allowed; never write raw HTML, links or `{`. Placeables that
# carry text from buyers or bidders arrive escaped.

## Numbers, money, dates and lists.
#
# English follows the EU Interinstitutional Style Guide as used in English tender documents:
# a decimal point, commas between thousands from five digits on (1000, but 10,000), the ISO
# currency code before the amount (DKK 1,234,567.89; EUR 180,000,000.00), no space before the
# percent sign (30%), day month year dates (15 December 2025), and no serial comma.

fmt-decimal-mark = {"."}
fmt-group-separator = {","}
fmt-group-from-digits = 5
fmt-money = { $currency } { $amount }
fmt-percent = { $value }%
fmt-date = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
fmt-date-time = { $date } at { $time }
fmt-list = { $init } and { $last }
fmt-list-or = { $init } or { $last }
yes = Yes
no = No

no-passed-over = No (passed over)
## Words in derivations (tender-score's explain module).

term-mean = mean
term-median = median
term-consensus = consensus
term-evaluators = evaluators
term-one-off = one-off
term-per-year = per year
term-months = months
term-in-corridor = in corridor
term-outside-corridor = outside corridor

## Values of the model.

severity-premise = Premise
severity-minimum = Minimum requirement
severity-award = Award requirement
severity-information = Information requirement
procedure-open = open procedure
procedure-restricted = restricted procedure
procedure-competitive-with-negotiation = competitive procedure with negotiation
procedure-dynamic-purchasing-system = competition within a dynamic purchasing system
procedure-framework-call-off = call-off by mini-competition under a framework agreement
buyer-kind-municipality = municipality
buyer-kind-region = region
buyer-kind-state = state authority
buyer-kind-eu-institution = EU institution, body or agency
buyer-kind-central-purchasing-body = central purchasing body
buyer-kind-other = body governed by public law
criterion-kind-price = Price
criterion-kind-cost = Cost
criterion-kind-quality = Quality
criterion-kind-sub = Sub-criterion
weighting-percent = as percentages
weighting-points = as points
weighting-order = only as an order of importance
weighting-normalised = as points or fractions, normalised to percentages
hosting-buyer-premises = on the buyer's own premises (on-premise)
hosting-buyer-data-centre = in the buyer's own data centre
hosting-supplier-data-centre-dk = in the supplier's data centre in Denmark
hosting-supplier-data-centre-eu = in the supplier's data centre in an EU country
hosting-government-cloud = in a national government cloud
hosting-eu-cloud = in a cloud operated by an EU-controlled provider
hosting-public-cloud = in a public cloud, non-EU hyperscalers included
hosting-hybrid = as a combination of these
code-rights-licence = a licence to use
code-rights-extended-right-of-use = an extended right of use
code-rights-ownership = ownership
exit-assistance-included = included in the contract price
exit-assistance-paid = paid at the rates in the bid
aggregation-mean = Each evaluator scores every bid independently, and a criterion's score is the mean of the evaluators' marks, kept as an exact fraction. Where the evaluation committee records a consensus score, that score is used instead.
aggregation-median = Each evaluator scores every bid independently, and a criterion's score is the median of the evaluators' marks. Where the evaluation committee records a consensus score, that score is used instead.
aggregation-consensus = The evaluators score every bid independently and then agree on one consensus score per criterion, which is the score used.
rounding-half-up = half away from zero (2.345 becomes 2.35)
rounding-half-even = half to even (2.345 becomes 2.34, 2.355 becomes 2.36)
rounding-half-down = half towards zero (2.345 becomes 2.34)
rounding-down = towards zero, cutting off further digits (2.349 becomes 2.34)
rounding-up = away from zero (2.341 becomes 2.35)
rounding-at-ratio = Each criterion's share of full marks (the price ratio, and a score over the scale's maximum) is rounded before it is weighted; the total is the sum of the weighted rounded shares.
rounding-at-criterion = Each criterion's weighted points are rounded; the total is the sum of the rounded points.
rounding-at-aggregate = Each criterion's aggregate of the evaluators' marks is rounded before it is used.
rounding-at-grade = Each criterion's grade on its own scale is rounded before it becomes a share of full marks; the price's grade is its share of full points times the maximum of the evaluation model's scale.
rounding-at-price-points = The price points are rounded.
rounding-at-quality = The quality points in total are rounded before they are added to the price points.
rounding-step-aggregate = each criterion's aggregate of the evaluators' marks
rounding-step-grade = each criterion's grade on its own scale (the price's grade on the evaluation model's scale)
rounding-step-ratio = each criterion's share of full marks
rounding-step-criterion = each criterion's weighted points
rounding-step-price-points = the price points
rounding-step-quality = the quality points in total
rounding-step-total = the result
model-rounding-steps = These figures are also rounded, in the order they are computed:
model-rounding-step = { $step }: to { $decimals ->
        [one] one decimal
       *[other] { $decimals } decimals
    }, rounded { $strategy }
rounding-at-total = Only the result is rounded.
price-model-proportional = the proportional price model
price-model-linear-slope = the linear price model with a slope
price-model-linear-from-lowest = the linear price model from the lowest price
price-model-min-max = the min-max model (interpolation between the lowest and the highest price)
price-model-fixed-span = the linear price model over a fixed price span
price-model-logarithmic = the logarithmic price model
price-model-price-per-quality-point = the price-per-quality-point method
price-model-value-added = the value-added method (quality converted to money)
price-model-percent-adjustment = the percentage-adjustment method (price adjusted for quality)
price-model-formula = the tender's own price formula
corridor-higher-quality = the bid with the most quality points
corridor-lower-price = the bid with the lowest evaluated price
tie-break-higher-quality = the bid with the most quality points is ranked first
tie-break-lower-price = the bid with the lowest evaluated price is ranked first
tie-break-higher-score-on = the bid with the most points on { $criterion } is ranked first
tie-break-earlier-submission = the bid received first is ranked first
tie-break-drawing-lots = lots are drawn, in the presence of the bidders concerned
location-eu = the EU
location-eea = the EEA
country = { $code ->
        [AT] Austria
        [BE] Belgium
        [BG] Bulgaria
        [CY] Cyprus
        [CZ] Czechia
        [DE] Germany
        [DK] Denmark
        [EE] Estonia
        [ES] Spain
        [FI] Finland
        [FR] France
        [GR] Greece
        [HR] Croatia
        [HU] Hungary
        [IE] Ireland
        [IT] Italy
        [LT] Lithuania
        [LU] Luxembourg
        [LV] Latvia
        [MT] Malta
        [NL] the Netherlands
        [PL] Poland
        [PT] Portugal
        [RO] Romania
        [SE] Sweden
        [SI] Slovenia
        [SK] Slovakia
        [IS] Iceland
        [LI] Liechtenstein
        [NO] Norway
        [CH] Switzerland
        [GB] the United Kingdom
        [US] the United States
        [CN] China
       *[other] { $code }
    }
language-name = { $code ->
        [da] Danish
        [en] English
        [de] German
        [fr] French
        [sv] Swedish
        [nb] Norwegian
        [nl] Dutch
       *[other] { $code }
    }
standard-unknown = the standard { $id } (not in the catalogue)
standard-not-in-catalogue = (not in the catalogue: the buyer describes it in the tender documents)
status-ranked = Ranked
status-failed-gate = Rejected: a premise or minimum requirement is not met
status-below-quality-threshold = Rejected: below a minimum quality score
status-not-among-best-quality = Not among the best in quality that go on to price evaluation
status-rejected = Rejected as non-compliant
seal-not-stated = not stated
defect-no-price = The bid states no total price.
defect-no-price-schedule = The lot is evaluated on life-cycle cost, but the bid does not split its price into one-off and recurring costs.
defect-unit-price-missing = The lot is evaluated on a price schedule of unit prices, but the bid gives no unit price for line { $line }.
defect-component-not-priced = The bid gives no price for the price component { $component }.
defect-option-not-priced = The option { $option } is part of the evaluation but the bid does not price it.
defect-no-sovereignty = The lot sets minimum sovereignty levels (SEAL) or evaluates sovereignty, but the bid contains no sovereignty self-assessment.
defect-objective-not-assessed = The sovereignty self-assessment does not cover { $objective }.
defect-objective-points-missing = Sovereignty is an award criterion, but the self-assessment states no points for { $objective }.
defect-too-many-lots = The bidder has bid for { $count } lots ({ $lots }), but the procurement documents allow bids for at most { $maximum }. All the bidder's bids are therefore non-compliant.
defect-too-many-lots-no-priority = The bidder has bid for { $count } lots ({ $lots }), but the procurement documents allow bids for at most { $maximum }, and the bids state no unambiguous order of priority. All the bidder's bids are therefore non-compliant.
defect-too-many-lots-kept = The bidder has bid for { $count } lots ({ $lots }), but the procurement documents allow bids for at most { $maximum }. By the bidder's own order of priority, only the bids for { $kept } are considered.
defect-second-bid = The bidder also submitted { $count ->
        [one] the bid { $others }
       *[other] the bids { $others }
    } for this lot, and the procurement documents allow no variants (alternative offers). The contracting authority cannot choose between them, so all are non-compliant.
defect-late = The bid was received { $submitted }, after the time limit for receipt of tenders, { $deadline }.
defect-measure-missing = The bid states no value for the award criterion { $criterion }.
defect-measure-below-minimum = The value { $value } offered for { $criterion } is below the acceptable minimum of { $limit }.
defect-measure-above-maximum = The value { $value } offered for { $criterion } is above the acceptable maximum of { $limit }.
defect-measure-beyond-zero = The value { $value } offered for { $criterion } is beyond { $limit }, where the tender documents reject the bid.
defect-measure-no-band = The value { $value } offered for { $criterion } does not reach the lowest band ({ $limit }), and the tender documents reject such a bid.
close-call-margin = The difference between the last bid awarded ({ $last }) and the first not awarded ({ $first }) is { $margin } points, below the threshold of { $threshold } points.
close-call-margin-figure = The difference between the figures of the last bid awarded ({ $last }) and the first not awarded ({ $first }) is { $margin }, below the threshold of { $threshold }.
close-call-evaluator = evaluator { $evaluator }'s mark
close-call-consensus = the consensus mark
close-call-mark = If { $who } for { $bid } on { $criterion } were { $to } instead of { $from } (one step of the scale), the contract would be awarded to { $awarded }.
close-call-rounding = With { $decimals } decimals and { $strategy }, the contract would be awarded to { $awarded }.

## The EU Cloud Sovereignty Framework. SEAL names and definitions: CSF v1.2.1 section 3, as in
## tender-core's Seal::name() and Seal::definition() (a test keeps them equal).

seal-name-0 = No Sovereignty
seal-name-1 = Jurisdictional Sovereignty
seal-name-2 = Data Sovereignty
seal-name-3 = Digital Resilience
seal-name-4 = Full Digital Sovereignty
seal-definition-0 = Service, technology or operations under exclusive control of non-EU third parties, governed entirely in non-EU jurisdictions.
seal-definition-1 = EU law formally applies with limited practical enforceability; service, technology or operations under exclusive control of non-EU third parties.
seal-definition-2 = EU law applicable and enforceable, with material non-EU dependencies remaining; service, technology or operations under indirect control of non-EU third parties.
seal-definition-3 = EU law applicable and enforceable, EU actors exercising meaningful but not full influence; service, technology or operations under marginal control of non-EU third parties.
seal-definition-4 = Technology and operations under complete EU control, subject only to EU law, with no critical non-EU dependencies.
objective-1 = Strategic Sovereignty
objective-2 = Legal & Jurisdictional Sovereignty
objective-3 = Data & AI Sovereignty
objective-4 = Operational Sovereignty
objective-5 = Supply Chain Sovereignty
objective-6 = Technology Sovereignty
objective-7 = Security & Compliance Sovereignty
objective-8 = Environmental Sustainability

## Gate results and their reasons.

gate-passed = Met
gate-failed = Not met
gate-not-answered = The bid does not answer the requirement.
gate-declared-not-met = The bidder declares the requirement not met.
gate-no-sovereignty-assessment = The bid has no sovereignty assessment.
gate-objective-seal-below-minimum = { $objective } reaches { $seal }, below the minimum { $minimum }.
gate-objective-seal-not-assessed = The SEAL of { $objective } is not stated; the minimum is { $minimum }.
gate-overall-seal-below-minimum = The overall SEAL is { $seal }, below the minimum { $minimum }.
gate-overall-seal-undetermined = The overall SEAL cannot be determined because the SEAL of every objective is not stated; the minimum is { $minimum }.
gate-standard-not-supported = The solution does not support { $standard }.
gate-no-exit-plan = No exit plan is delivered.
gate-exit-horizon-too-long = The exit plan takes { $offered ->
        [one] { $offered } month
       *[other] { $offered } months
    }; at most { $maximum ->
        [one] { $maximum } month is
       *[other] { $maximum } months are
    } allowed.
gate-exit-horizon-not-stated = The exit plan states no horizon; at most { $maximum ->
        [one] { $maximum } month is
       *[other] { $maximum } months are
    } allowed.
gate-export-format-missing = Data cannot be exported as { $standard }.
gate-exit-assistance-wrong-terms = Exit assistance is offered { $offered }, but it must be { $required }.
gate-exit-assistance-missing = No exit assistance is offered; it must be { $required }.
gate-notice-too-long = The notice period is { $offered ->
        [one] { $offered } month
       *[other] { $offered } months
    }; at most { $maximum ->
        [one] { $maximum } month is
       *[other] { $maximum } months are
    } allowed.
gate-notice-not-stated = The bid states no notice period; at most { $maximum ->
        [one] { $maximum } month is
       *[other] { $maximum } months are
    } allowed.
gate-transition-too-long = The transition period is { $offered ->
        [one] { $offered } day
       *[other] { $offered } days
    }; at most { $maximum ->
        [one] { $maximum } day is
       *[other] { $maximum } days are
    } allowed.
gate-transition-not-stated = The bid states no transition period; at most { $maximum ->
        [one] { $maximum } day is
       *[other] { $maximum } days are
    } allowed.
gate-retrieval-too-short = The data-retrieval period is { $offered ->
        [one] { $offered } day
       *[other] { $offered } days
    }; at least { $minimum ->
        [one] { $minimum } day is
       *[other] { $minimum } days are
    } required.
gate-retrieval-not-stated = The bid states no data-retrieval period; at least { $minimum ->
        [one] { $minimum } day is
       *[other] { $minimum } days are
    } required.
gate-switching-charges = The bid charges for switching.
gate-egress-charges = The bid charges for data egress.
gate-no-documentation-handover = Documentation is not handed over free of charge.
gate-no-code-handover = Customer-specific code and configuration are not handed over.
gate-no-exit-offer = The bid states no exit terms.
gate-no-hosting-offer = The bid states no hosting.
gate-hosting-model-not-allowed = The service is offered { $offered }; allowed: { $allowed }.
gate-data-location-not-allowed = Data is stored or processed in { $location }, outside the allowed locations.
gate-data-location-not-stated = The bid does not state where data is stored and processed.
gate-support-access-not-allowed = Support accesses data from { $location }, outside the allowed locations.
gate-support-access-not-stated = The bid does not state where support accesses data from.
gate-jurisdiction-not-allowed = The operator is subject to the jurisdiction of { $location }, which is not allowed.
gate-jurisdiction-not-stated = The bid does not state which jurisdictions the operator is subject to.
gate-no-open-source-offer = The bid states no open-source terms.
gate-licence-not-allowed = The licence { $licence } is not among those allowed.
gate-open-source-share-too-low = { $offered } of the solution is open source; at least { $minimum } is required.
gate-open-source-share-not-stated = The bid does not state the open-source share; at least { $minimum } is required.
gate-code-rights-too-weak = The buyer is offered { $offered } to customer-specific code; at least { $required } is required.
gate-code-rights-not-stated = The bid states no rights to customer-specific code; at least { $required } is required.
gate-no-code-review = The buyer may not have the code reviewed.
gate-no-source-delivery = Source code is not delivered.

## Exclusions and warnings.

exclusion-gates = The bid does not meet { $count ->
        [one] the requirement
       *[other] the requirements
    } { $requirements }.
exclusion-criterion-minimum = The score { $score } on { $criterion } is below the minimum score { $minimum }.
exclusion-quality-minimum = The quality points are { $percent } of the maximum, below the minimum of { $minimum }.
exclusion-max-pass = The bid is number { $place } in quality, and only the { $max_pass ->
        [one] best bid goes
       *[other] { $max_pass } best bids go
    } on to price evaluation.
warning-relative-price-model = Under { $model } a bid's price points depend on the other bids' prices, so adding or removing a bid can change the order of others.
warning-relative-corridor = Under { $model } with a corridor, a bid's place depends on the best ratio of quality to price among the bids, so adding or removing a bid can change the order of others.
warning-disagreement = { $bid }, { $criterion }: the evaluators' marks range from { $lowest } to { $highest }, more than the allowed spread of { $allowed }. The committee should discuss the marks and record why they differ.
warning-unresolved-tie = { $bids } are tied and the tie-break rules do not separate them: lots must be drawn.
warning-tie-at-award-cut-off = { $bids } are tied at the cut-off for award and cannot be separated by the tie-break rules.
warning-points-above-maximum = { $bid }: the points for { $objective } are above the objective's nominal maximum. They count as stated, as in the Commission's calculator, whose rounded answer values can sum to a little over 1000.
warning-fewer-bids-than-awards = Only { $ranked } { $ranked ->
        [one] bid is
       *[other] bids are
    } ranked, but the lot is to be awarded to { $to_award } { $to_award ->
        [one] supplier
       *[other] suppliers
    }.
warning-too-many-lots-awarded = The bidder { $bidder } would be awarded { $lots }, more than the { $maximum } { $maximum ->
        [one] lot
       *[other] lots
    } one bidder may be awarded; the award must be adjusted by the rule in the tender documents.
warning-passed-over = { $bid } is passed over: its bidder { $bidder } has already been awarded { $count ->
        [one] lot
       *[other] lots
    } { $won }, the most one bidder may be awarded, so this lot goes to the next ranked bid.
warning-max-pass-tie = { $bids } are tied at the limit on the number of bids that go on to price evaluation, and all of them go on.
warning-rank-reversal = Without { $removed } the order of other bids changes (rank reversal).
warning-no-quality-points = { $bid } has no quality points, so its price per quality point is undefined; it is ranked last.

## The requirement specification.

spec-subtitle = { $buyer } · Tender { $id }
spec-h-introduction = Introduction and procedure
spec-h-lots = Lots
spec-h-common-requirements = Requirements for all lots
spec-h-common-requirements-single = Requirements
spec-h-lot = Lot { $id }: { $title }
spec-h-premises = Premises
spec-h-minimum = Minimum requirements
spec-h-award-requirements = Award requirements
spec-h-information = Information requirements
spec-h-criteria = Award criteria and weights
spec-h-model = Evaluation model
spec-h-example = Worked example
spec-h-seal = Sovereignty levels (SEAL)
spec-h-objectives = Sovereignty objectives and weights
spec-h-standards = Open standards
spec-h-not-required = What is not required
spec-common-intro = The requirements in this chapter apply to every lot, unless a requirement names the lots it applies to.
spec-common-intro-single = The requirements in this chapter apply to the whole contract.
spec-fact-buyer = **Contracting authority:** { $name } ({ $kind }, { $country })
spec-fact-id = **Tender reference:** { $id }
spec-fact-procedure = **Procedure:** { $procedure }
spec-fact-framework = **Under:** { $framework }
spec-fact-estimated-value = **Estimated value:** { $amount }, excluding VAT
spec-fact-deadline = **Deadline for bids:** { $date }
spec-fact-start = **Expected start of the contract:** { $date }
spec-fact-duration = **Contract period:** { $months ->
        [one] { $months } month
       *[other] { $months } months
    }, options excluded
spec-fact-languages = **Languages of the tender documents:** { $languages }
spec-fact-currency = **Currency of all amounts:** { $currency }
spec-fact-cpv = **CPV code:** { $cpv }
spec-fact-suppliers = **Suppliers awarded:** { $count ->
        [one] one
       *[other] up to { $count }
    }
spec-options-intro = The buyer may exercise these options:
spec-option = **{ $id }:** { $description }
spec-option-extension = **{ $id }:** { $description } (extends the contract by { $months ->
        [one] { $months } month
       *[other] { $months } months
    })
spec-lots-single = The tender is not divided into lots.
spec-lots-single-reason = **Why it is not divided:** { $reason }
spec-lots-split = The tender is divided into { $count } lots. A bid is made, evaluated and awarded per lot.
spec-lots-reason = **Why it is divided:** { $reason }
spec-lots-max-bid = A bidder may bid for at most { $count ->
        [one] one lot
       *[other] { $count } lots
    }.
spec-lots-max-awarded = A bidder may be awarded at most { $count ->
        [one] one lot
       *[other] { $count } lots
    }.
spec-lot-award-order-listed = The lots are awarded one after another in the order listed below. A bidder that has been awarded the most lots it may be awarded is passed over in the later lots, which go to the next ranked bid.
spec-lot-award-order-value = The lots are awarded one after another, the highest estimated value first. A bidder that has been awarded the most lots it may be awarded is passed over in the later lots, which go to the next ranked bid.
spec-lot-award-order-none = The tender documents do not say in which order the lots are awarded when a bidder would win more lots than allowed.
spec-lot-groups-intro = Groups of lots:
spec-lot-group = **{ $id } { $title }:** lots { $lots }.
spec-premises-intro = Premises are conditions for running the tender at all. A bid that does not meet a premise is rejected.
spec-minimum-intro = Minimum requirements must be met. A bid that does not meet a minimum requirement is rejected before the bids are evaluated.
spec-award-requirements-intro = Award requirements are not minimum requirements: how well a bid meets them is assessed under the award criterion named.
spec-information-intro = Information requirements must be answered; they neither reject a bid nor count in the evaluation.
spec-lot-common-applies = The requirements for all lots in chapter { $chapter } apply to this lot as well.
spec-lot-common-applies-single = The requirements in chapter { $chapter } apply to the contract.
spec-lot-common-applies-some = Of the requirements in chapter { $chapter }, { $count ->
        [one] the requirement { $requirements } applies
       *[other] the requirements { $requirements } apply
    } to this lot as well.
req-severity = **Kind of requirement:** { $severity }
req-lots = **Applies to:** { $count ->
        [one] lot
       *[other] lots
    } { $lots }
req-lead-gate = The requirement is met when:
req-lead-award = The evaluation assesses to what extent:
req-lead-information = The bidder states whether:
req-evidence = **Evidence:** { $evidence }
req-criterion = **Assessed under the award criterion:** { $criterion }
req-seal-each = The service reaches at least { $seal } in each of the sovereignty objectives SOV-1 to SOV-8.
req-seal-objective = The service reaches at least { $seal } in { $objective }.
req-seal-overall = The overall SEAL, the lowest level among the objectives, is at least { $seal }.
req-seal-see = The SEAL levels are defined in chapter { $chapter }, and the bidder's sovereignty assessment is the evidence.
req-standard = The solution supports { $standard }.
req-exit-plan = The bid includes an exit plan describing how the buyer can switch to another supplier or take the service back in-house without disrupting operations.
req-exit-horizon = The exit plan can be completed within { $months ->
        [one] { $months } month
       *[other] { $months } months
    } of notice.
req-exit-formats = All of the buyer's data can be exported in these open formats: { $formats }.
req-exit-assistance-included = The supplier provides exit assistance, included in the contract price.
req-exit-assistance-paid = The supplier provides exit assistance at the rates stated in the bid.
req-exit-notice = The supplier requires a notice period of at most { $months ->
        [one] { $months } month
       *[other] { $months } months
    } to switch (cf. Data Act, Regulation (EU) 2023/2854, Art. 25(2)(d)).
req-exit-transition = The transition period, during which the service continues while data and tasks are moved, is at most { $days ->
        [one] { $days } day
       *[other] { $days } days
    } (cf. Data Act Art. 25(2)(a)).
req-exit-retrieval = After the transition period the buyer has at least { $days ->
        [one] { $days } day
       *[other] { $days } days
    } to retrieve its data (cf. Data Act Art. 25(2)(g)).
req-exit-no-switching-charges = The supplier charges nothing for switching (cf. Data Act Art. 29, which abolishes switching charges from 12 January 2027).
req-exit-no-egress-charges = The supplier charges nothing for transferring data out of the service (egress charges).
req-exit-handover-documentation = On exit the supplier hands over all relevant documentation of the solution free of charge.
req-exit-handover-code = On exit the supplier hands over customer-specific code and configuration.
req-hosting-models = The solution is operated { $models }.
req-hosting-data = Data is stored and processed only in { $locations }.
req-hosting-support = Support staff access data only from { $locations }.
req-hosting-jurisdiction = The operator is subject only to the laws and jurisdiction of { $locations }.
req-oss-licences = The solution's components are published under { $licences }.
req-oss-share = At least { $share } of the solution is published under an open-source licence.
req-oss-rights-licence = The buyer gets at least a licence to use the customer-specific code.
req-oss-rights-extended-right-of-use = The buyer gets at least an extended right of use to the customer-specific code: it may reuse the code and have others develop it further, while the supplier keeps the intellectual property.
req-oss-rights-ownership = The buyer owns the customer-specific code.
req-oss-code-review = The buyer may have the code reviewed to test its quality.
req-oss-source-delivered = The source code is delivered to the buyer.
reg-dora-lead = The contract contains these provisions of the Digital Operational Resilience Act (DORA, Regulation (EU) 2022/2554) Art. 30. DORA applies directly to financial entities; for other buyers the provisions are agreed contract terms.
reg-nis2-lead = The supplier takes on these duties of the NIS2 Directive (Directive (EU) 2022/2555):
reg-gdpr-lead = The data processing agreement contains these terms of the General Data Protection Regulation (GDPR, Regulation (EU) 2016/679):
reg-clause = **{ $article }:** { $text }
dora-30-2-a = A clear and complete description of all functions and ICT services provided, stating whether subcontracting of ICT services that support critical or important functions is permitted and on which conditions.
dora-30-2-b = The locations (regions or countries) where the services are provided and where data is processed and stored, and the supplier's duty to notify the buyer in advance of any change of location.
dora-30-2-c = Provisions on the availability, authenticity, integrity and confidentiality of data, personal data included.
dora-30-2-d = Access to, recovery and return of all personal and non-personal data in an easily accessible format on the supplier's insolvency, resolution or discontinuation of business, or on termination of the contract.
dora-30-2-e = Service level descriptions, including their updates and revisions.
dora-30-2-f = Assistance to the buyer in an ICT incident related to the service, at no additional cost or at a cost determined in advance.
dora-30-2-g = Full cooperation with the competent authorities and the resolution authorities, including persons appointed by them.
dora-30-2-h = Termination rights and the related minimum notice periods.
dora-30-2-i = The conditions for the supplier's participation in the buyer's ICT security awareness programmes and digital operational resilience training.
dora-30-3-a = Full service level descriptions with precise quantitative and qualitative performance targets, so that the service can be monitored and corrective action taken when a target is missed.
dora-30-3-b = Notice periods and reporting obligations of the supplier, including notice of any development that may materially affect its ability to provide the services.
dora-30-3-c = The supplier's duty to implement and test business contingency plans and to have ICT security measures, tools and policies that give an appropriate level of security.
dora-30-3-d = The supplier's duty to participate and fully cooperate in the buyer's threat-led penetration testing (DORA Art. 26 and 27).
dora-30-3-e = The buyer's right to monitor the supplier's performance on an ongoing basis, with unrestricted rights of access, inspection and audit for the buyer, a third party it appoints and the competent authority.
dora-30-3-f = Exit strategies, in particular a mandatory adequate transition period during which the supplier continues to provide the services, so that the buyer can migrate to another supplier or take the service in-house.
nis2-supply-chain-security = The supplier keeps its own supply chain secure, including its relationships with its own suppliers and subcontractors, and documents this on request.
nis2-incident-notification = The supplier notifies the buyer without undue delay of any incident with a significant impact on the service: an early warning within 24 hours of becoming aware of it, an incident notification within 72 hours and a final report within one month.
nis2-risk-management = The supplier analyses the cybersecurity risks of the service, assesses the effectiveness of its risk-management measures and reports the results to the buyer.
nis2-business-continuity = The supplier ensures business continuity, including backup management, disaster recovery and crisis management, and tests it regularly.
nis2-authentication = The service uses multi-factor or continuous authentication, and secured voice, video and text communication where appropriate.
nis2-responsible-persons = The supplier names the persons responsible for cybersecurity towards the buyer, and its management oversees the cybersecurity measures.
gdpr-documented-instructions = The supplier processes personal data only on the buyer's documented instructions, including with regard to transfers to third countries.
gdpr-confidentiality = Everyone authorised to process the personal data is bound by confidentiality.
gdpr-security = The supplier takes every measure required for the security of processing under Art. 32.
gdpr-sub-processors = The supplier engages sub-processors only with the buyer's prior written authorisation and imposes the same data-protection obligations on them.
gdpr-data-subject-rights = The supplier assists the buyer, by appropriate technical and organisational measures, in answering requests from data subjects who exercise their rights.
gdpr-assistance = The supplier assists the buyer with the security of processing, the notification of personal data breaches and data protection impact assessments (Art. 32 to 36).
gdpr-deletion-or-return = At the end of the services the supplier deletes or returns all personal data, as the buyer chooses, and deletes existing copies.
gdpr-audits = The supplier makes available all information needed to demonstrate compliance, and allows for and contributes to audits and inspections by the buyer or an auditor the buyer mandates.
gdpr-third-country-transfers = Personal data is not transferred to a third country or an international organisation unless the buyer has approved the transfer and its legal basis under Chapter V.

## Award criteria and the evaluation model.

spec-criteria-intro = The contract is awarded to the most economically advantageous tender, identified on the basis of { $basis } (Directive 2014/24/EU Art. 67(2); in Denmark section 162(1)({ $number }) of the Public Procurement Act) by the award criteria below. The weights are given { $weighting }.
award-basis = { $basis ->
        [price] price
        [cost] cost
       *[best-price-quality-ratio] the best price-quality ratio
    }
audit-h = Appendix: exact values
audit-intro = The report shows its figures rounded: the published figures with the tender's decimals, and intermediate figures marked ≈. The evaluation computes with the exact values, given here as fractions, so every derivation can be checked exactly.
audit-th-figure = Figure
audit-th-shown = Shown as
audit-th-exact = Exact value
audit-score = { $criterion }: score
audit-points = { $criterion }: points
audit-price-points = Price points
audit-total = Total
note-shown-rounded = Figures marked ≈ are shown rounded to { $places } decimals; the calculation uses the exact value.
report-award-basis = The most economically advantageous tender is identified on the basis of { $basis } (Directive 2014/24/EU Art. 67(2); in Denmark section 162(1)({ $number }) of the Public Procurement Act).
letter-award-basis = The contract is awarded to the most economically advantageous tender, identified on the basis of { $basis } (Directive 2014/24/EU Art. 67(2); in Denmark section 162(1)({ $number }) of the Public Procurement Act).
th-number = No.
th-id = Id
th-criterion = Criterion
th-kind = Kind
th-weight = Weight
th-scale = Scale
th-minimum-score = Minimum score
th-value = Value of full marks
weight-points = { $points } points
weight-points-share = { $points } points ({ $percent })
weight-rank = priority { $rank }
weight-fraction-share = { $weight } ({ $percent })
weight-of-parent = { $weight } of criterion { $parent }
scale-range = { $min }–{ $max }
scale-range-step = { $min }–{ $max } in steps of { $step }
scale-sovereignty = sovereignty score, 0–100%
spec-criterion-description = **{ $id }:** { $text }
spec-criterion-no-description = **{ $id }:** The tender documents do not describe what will be emphasised in evaluating { $name }, although the award criteria must be described (Directive 2014/24/EU Art. 67(5); in Denmark section 160 of the Public Procurement Act).
spec-order-justification = **Why only an order of importance is given:** { $text }
spec-order-no-justification = The tender documents give no reason why only an order of importance is given, although one is required.
model-order-only = The criteria have only an order of importance, so the evaluation cannot be computed from weights: the committee assesses the bids as a whole against the criteria in that order and gives its reasons in the evaluation report.
model-compare-total = Each bid gets points for price and for each quality criterion. The points are added up, and the bid with the most points in total is ranked first.
model-compare-ppqp = Each bid's evaluated price is divided by its quality points. The bid with the lowest price per quality point is ranked first.
model-compare-evaluation-price = Each bid's evaluated price is adjusted for its quality into an evaluation price. The bid with the lowest evaluation price is ranked first.
model-suppliers = The lot is awarded to { $count ->
        [one] the bid ranked first.
       *[other] the { $count } bids ranked highest.
    }
model-max-percent = The weights are percentages and equal points: a bid can get at most { $max } points in total.
model-max-points = The weights are points: a bid can get at most { $max } points in total.
model-normalised = The weights are normalised to percentages: a criterion's weight in percent is its weight divided by the sum of all the criteria's weights ({ $sum }), times 100. The percentages equal points, so a bid can get at most 100 points in total. The percentages and points are computed exactly as fractions; the percentages shown are rounded to { $decimals } decimals.
model-basis-total = The price evaluated is the bid's total price for the contract period, excluding VAT.
model-basis-basket = The price evaluated is computed from the price schedule: for each of the { $lines } lines below, the bid's unit price is multiplied by the expected quantity, and the products are added up (excluding VAT). The quantities are an estimate for the evaluation, not a commitment of the contracting authority. A bid that does not give a unit price for every line is non-compliant.
model-basis-basket-weighted = The price evaluated is computed from the price schedule: for each of the { $lines } lines below, the bid's unit price is multiplied by the expected quantity and the line's weight, and the products are added up (excluding VAT). The quantities are an estimate for the evaluation, not a commitment of the contracting authority. A bid that does not give a unit price for every line is non-compliant.
basket-col-line = Line
basket-col-item = Item
basket-col-unit = Unit
basket-col-quantity = Expected quantity
basket-col-weight = Weight
model-components-intro = The bids give a price for each of these price components (excluding VAT), and each price criterion is evaluated on the sum of the components it covers:
components-col-id = Price component
components-col-name = Covers
model-components-criterion = { $criterion } is evaluated on { $count ->
        [one] the price component
       *[other] the sum of the price components
    } { $components }.
derivation-component-price = Evaluated price for { $criterion }: { $derivation }
model-basis-lcc = The price evaluated is the life-cycle cost: one-off costs plus recurring costs per year for { $months } months ({ $extension ->
        [0] the contract period
       *[other] the contract period of { $contract } months and { $extension } months of extension options
    }), excluding VAT.
model-options-included = The prices of the options { $options } are added.
model-options-excluded = The options { $options } are not part of the price evaluated.
model-price-proportional = Price is scored by { $name }: the lowest evaluated price gets { $max } points, and every other bid gets { $max } points times the lowest price divided by its own price. A bid at twice the lowest price gets half the points.
model-price-linear-slope = Price is scored by { $name }: the lowest evaluated price gets { $max } points, and the points fall in a straight line to 0 points for a price { $slope } above the lowest price. Dearer bids get 0 points.
model-price-linear-from-lowest = Price is scored by { $name }: the lowest evaluated price gets { $max } points, and a bid loses the maximum points for every 100% its price is above the lowest. Points can be negative for a price more than twice the lowest.
model-price-linear-from-lowest-floored = Price is scored by { $name }: the lowest evaluated price gets { $max } points, and a bid loses the maximum points for every 100% its price is above the lowest, down to 0 points at twice the lowest price.
model-price-min-max = Price is scored by { $name }: the lowest evaluated price gets { $max } points, the highest 0 points, and prices in between get points in a straight line. If every price is the same, every bid gets { $max } points.
model-price-fixed-span = Price is scored by { $name }: a price of { $low } or less gets { $max } points, a price of { $high } or more 0 points, and prices in between get points in a straight line. A bid's price points do not depend on the other bids.
model-price-logarithmic = Price is scored by { $name }: the lowest evaluated price gets { $max } points, and the points fall with the logarithm of the price's ratio to the lowest, to 0 points for a price { $zero_at } above the lowest. The logarithm is computed to 28 significant digits, the only figure in the evaluation that is not exact.
model-price-formula = Price is scored by { $name }, out of { $max } points, as set out below.
model-price-formula-written = The price points (at most { $max }) are computed by this formula, exactly, rounding only where the formula or the rounding rules below say so. A price for which the formula would divide by zero or give points outside 0 to { $max } is not scored: that would be an error in the formula, which the evaluation refuses rather than correct.
legend-price-variable = { $key ->
        [price] { $name } is the bid's evaluated price.
        [lowest] { $name } is the lowest evaluated price among the bids that go on to price evaluation.
        [highest] { $name } is the highest evaluated price among them.
        [mean] { $name } is the mean of their evaluated prices.
       *[max] { $name } is the price criterion's maximum points, { $max }.
    }
model-price-formula-example = For example, with three bids at { $lowest }, { $price } and { $highest }, the bid at { $price } gets: { $computation }.
model-price-ppqp = Price and quality are compared by { $name }: the evaluated price divided by the quality points. A bid's figure does not depend on the other bids.
model-price-ppqp-corridor = Price and quality are compared by { $name } with a corridor: every bid whose quality points per unit of price are within { $corridor } of the best bid's is in the corridor and ranked before the others, and within the corridor { $decision } is ranked first.
model-price-value-added-deduction = Price and quality are compared by { $name }: for every quality criterion, full marks are worth the amount in the table above, and the share of full marks a bid earns is deducted from its price. A bid's evaluation price does not depend on the other bids.
model-price-value-added-markup = Price and quality are compared by { $name }: for every quality criterion, full marks are worth the amount in the table above, and the share of full marks a bid misses is added to its price. A bid's evaluation price does not depend on the other bids.
model-price-percent-deduction = Price and quality are compared by { $name }: the price is reduced by up to { $percent } in proportion to the bid's share of the maximum quality points. A bid's evaluation price does not depend on the other bids.
model-price-percent-markup = Price and quality are compared by { $name }: the price is increased by up to { $percent } in proportion to the share of the maximum quality points the bid misses. A bid's evaluation price does not depend on the other bids.
model-relative-warning = **Note:** a bid's price points depend on the other bids through their evaluated prices (such as the lowest price). Adding or removing a bid can therefore change the order of other bids (rank reversal); the evaluation report states whether that happens. The model and all its parameters are published here in full, as the principles of equal treatment and transparency require (Directive 2014/24/EU Art. 67(5); in Denmark section 160 of the Public Procurement Act).
model-relative-warning-corridor = **Note:** a bid's place depends on the other bids, because the corridor is measured from the best ratio of quality to price among them. Adding or removing a bid can therefore change the order of other bids (rank reversal); the evaluation report states whether that happens. The model and all its parameters are published here in full, as the principles of equal treatment and transparency require (Directive 2014/24/EU Art. 67(5); in Denmark section 160 of the Public Procurement Act).
model-fixed-span-floor = **Note:** prices below { $low } earn no further price points.
model-formula-intro = As a formula:
formula-proportional = { $id } = { $max } × Pmin / P
formula-linear-slope = { $id } = { $max } × max(0, 1 − (P − Pmin) / ({ $slope } × Pmin))
formula-linear-from-lowest = { $id } = { $max } × (2 − P / Pmin)
formula-linear-from-lowest-floored = { $id } = { $max } × max(0, 2 − P / Pmin)
formula-min-max = { $id } = { $max } × (Pmax − P) / (Pmax − Pmin)
formula-fixed-span = { $id } = { $max } × min(1, max(0, ({ $high } − P) / ({ $high } − { $low })))
formula-logarithmic = { $id } = { $max } × max(0, 1 − ln(P / Pmin) / ln({ $base }))
formula-price-custom = { $id } = { $formula }
formula-sovereignty = { $id } = { $weight } × S / 100
formula-marks = { $id } = { $weight } × k / { $max }
formula-sub-term = { $weight } × k({ $id }) / { $max }
formula-sub = { $id } = { $weight } × ({ $terms })
formula-quality-sum = Q = { $terms }
formula-ppqp = Price per quality point = P / Q
formula-value-term-deduction = { $value } × k({ $id }) / { $max }
formula-value-term-markup = { $value } × (1 − k({ $id }) / { $max })
formula-value-added = Evaluation price = P{ $terms }
formula-percent-deduction = Evaluation price = P × (1 − Q / { $qmax } × { $percent })
formula-percent-markup = Evaluation price = P × (1 + (1 − Q / { $qmax }) × { $percent })
formula-total = Total = { $terms }
legend-p = P is the bid's evaluated price.
legend-pmin = Pmin is the lowest evaluated price among the bids that go on to price evaluation.
legend-pmax = Pmax is the highest evaluated price among them.
legend-q = Q is the bid's quality points, the sum of the quality criteria's points.
legend-score = k is the criterion's score on its scale.
legend-score-named = k(…) is the score of the criterion or sub-criterion named, on its scale.
legend-sovereignty = S is the bid's sovereignty score in percent.
model-scale = Quality is scored on a scale of { $scale } unless a criterion states its own.
model-scale-own = { $criterion } is scored on a scale of { $scale }:
model-aggregation = { $aggregation }
model-disagreement = Where the evaluators' marks on a criterion differ by more than { $spread } of the scale, the committee discusses them, and the evaluation report says so.
model-sovereignty = { $criterion } is scored from the bid's sovereignty assessment, not by the evaluators: its score is the sovereignty score in percent (chapter { $chapter }).
model-sovereignty-answer-rounding = Each answer's points are rounded to { $decimals ->
        [0] whole points
        [one] one decimal
       *[other] { $decimals } decimals
    }, half away from zero, before an objective's answers are added up, as in the Commission's calculator workbook.
model-thresholds-intro = These quality thresholds are applied before prices are evaluated (lawful under the judgment of the Court of Justice in C-546/16, Montte); a bid that does not reach them is rejected:
model-threshold-criterion = a score of at least { $minimum } on { $criterion }
model-threshold-only = a score of at least { $minimum } on { $criterion }, which is a threshold only: the criterion weighs 0 and gives no points in the total
model-threshold-total = quality points of at least { $minimum } of the maximum
model-threshold-max-pass = only the { $count ->
        [one] bid
       *[other] { $count } bids
    } with the most quality points go on to price evaluation; bids tied at the limit all go on.
model-rounding = Every computation is exact, in fractions. { $step } Points, and the figure bids are ranked on, are published with { $decimals ->
        [one] one decimal
       *[other] { $decimals } decimals
    }, rounded { $strategy }. Bids are ranked on the published figure, so two bids published with the same figure are tied.
model-quality-relative-criterion = Quality is scored relatively: on each quality criterion, the best of the compliant bids that passed the quality thresholds gets the criterion's full weight, and every other bid gets the weight times its score divided by the best score. A bid with half the best score therefore gets half the points. The quality thresholds are applied to the absolute scores, before quality is made relative.
model-quality-relative-total = Quality is scored relatively on the quality points in total: the best of the compliant bids that passed the quality thresholds gets the maximum quality points, and every other bid gets that maximum times its quality points divided by the best bid's. The quality thresholds are applied to the absolute points, before quality is made relative.
model-relative-total = The total points are made relative to the best bid: the bid with the highest total points gets { $max } points, and every other bid gets its total points × { $max } / the highest total points. The bids are ranked on the relative totals, rounded as set out below.
derivation-quality-relative = Quality points relative to the best bid: { $derivation }
model-tie-intro = A tie is broken by these rules, in this order:
model-tie-none = The tender documents set no rule for breaking a tie.

## The worked example.

example-order-only = There is no worked example, because the criteria have only an order of importance.
example-bid = Bid { $letter }
example-intro = The example shows how the model works on { $count ->
        [3] three
        [4] four
        [5] five
        [6] six
       *[other] { $count }
    } illustrative bids. **The prices and marks are invented for the example** and say nothing about the bids expected; the requirements are not checked.
example-results = The result:
example-derivation = **{ $bid }:**
example-sovereignty-points = { $points } per objective
example-outcome = In the example the lot would be awarded to { $bids }.
example-no-award = In the example no bid would be awarded the lot.
th-bid = Bid
th-price = Price
th-one-off = One-off costs
th-recurring = Recurring costs per year
th-options = Options in total
th-mark = Score { $criterion }
th-sovereignty-points = Sovereignty points { $criterion }

## SEAL, objectives and standards chapters.

seal-intro = SEAL (Sovereignty Effectiveness Assurance Level) is the scale of the European Commission's Cloud Sovereignty Framework (version 1.2.1, October 2025) for how much of a service is under EU control, from SEAL-0 to SEAL-4. The names and definitions below are the framework's own.
seal-aggregation = Each answer in the bidder's sovereignty assessment carries a SEAL level. An objective's SEAL is the lowest level among its answers, and the overall SEAL is the lowest level among the objectives: a minimum, never an average. No bidder is excluded for its nationality; a service is assessed on its levels.
th-level = Level
th-name = Name
th-definition = Definition
seal-minimums-intro = The tender requires these minimum levels:
seal-no-minimum = The tender sets no minimum SEAL.
seal-scope-all = all lots
seal-scope-lot = lot { $lot }
seal-scope-lots = { $count ->
        [one] lot
       *[other] lots
    } { $lots }
seal-each-objective = every objective, SOV-1 to SOV-8
seal-overall = the overall SEAL
th-requirement = Requirement
th-severity = Kind
th-applies-to = Applies to
th-objective = Objective
th-minimum-seal = Minimum
objectives-intro = The framework assesses sovereignty under eight objectives, SOV-1 to SOV-8. For each objective the bidder's assessment gives points out of 1000 (the sum of its answers) and a SEAL level.
th-weight-in = Weight in { $criteria }
objectives-not-scored = No award criterion scores the sovereignty objectives; they matter through the SEAL minimums.
weights-source-csf-v1-2-1 = the weights of the Cloud Sovereignty Framework v1.2.1 (European Commission, October 2025), section 5
weights-source-calculator-2026 = the example weights of the Annex – Sovereignty assessment calculator (European Commission, 1 June 2026)
weights-source-custom = the contracting authority's own weights, summing to { $sum }
objectives-weights-source = The weights in { $criteria } are { $source }.
objectives-score = The sovereignty score in percent is the sum over the objectives of the points divided by 1000 times the objective's weight. The points count as stated and are not capped: the Commission's calculator rounds its answer values, so an objective can sum to a little over 1000 (e.g. 1002), and the score can then exceed 100 %.
objectives-seal-independent = The SEAL levels (chapter { $chapter }) and the sovereignty score are two readings of the same assessment: the SEAL minimums are pass or fail, and the score compares the bids that pass them.
standards-intro = The tender names these open standards. Where a version is given, that version or a later backwards-compatible one is required.
th-standard = Standard
th-version = Version
th-body = Body and reference
th-required-by = Required by
spec-not-required-intro = The tender deliberately does not require the following:

## The evaluation report.

report-title = Evaluation report: { $title }
report-intro = The report sets out, per lot, how the bids were evaluated: which requirements each bid met, the points on each criterion with their derivation, the ranking and the award. Every figure is computed exactly and rounded only as the tender documents state.
report-h-summary = Summary
th-lot = Lot
th-title = Title
th-estimated-value = Estimated value
th-cpv = CPV
th-suppliers-to-award = Suppliers awarded
th-bids-received = Bids
th-bids-ranked = Ranked
th-awarded-to = Awarded to
report-cross-lot-warnings = Across lots:
report-h-ranking = Ranking
report-compare-total = Bids are ranked on their total points, with price scored by { $model }.
report-compare-ppqp = Bids are ranked by { $model }: the lowest price per quality point first.
report-compare-evaluation-price = Bids are ranked by { $model }: the lowest evaluation price first.
report-corridor = Every bid whose quality points per unit of price are within { $corridor } of the best bid's is in the corridor and ranked before the others; within the corridor { $decision } is ranked first.
report-price-formula = The price points of { $criterion } are computed exactly by the tender's own formula { $formula }; each bid's derivation below shows it with the bid's figures in place of the names.
report-basis-total = Prices are evaluated as total prices for the contract period, excluding VAT.
report-basis-basket = The prices were evaluated as the unit prices of the price schedule times the expected quantities, excluding VAT.
report-basis-lcc = Prices are evaluated as life-cycle costs, excluding VAT.
report-price-range = Lowest evaluated price: { $lowest }. Highest: { $highest }.
th-rank = Rank
th-bidder = Bidder
th-bid-id = Bid
th-evaluated-price = Evaluated price
th-price-points = Price points
th-quality-points = Quality points
th-total = Total
th-ppqp = Price per quality point
th-evaluation-price = Evaluation price
th-awarded = Awarded
th-status = Status
th-reason = Reason
report-no-ranked = No bid is ranked.
report-not-ranked-intro = Bids not ranked:
report-h-ties = Ties
report-tie-broken = { $bids } are tied at { $value }; the tie is broken by the rule that { $rule }.
report-tie-partly = { $bids } are tied at { $value }; the rule that { $rule } separates some of them, but not all.
report-tie-unresolved = { $bids } are tied at { $value }, and the tie-break rules do not separate them.
report-h-seals = Sovereignty levels (SEAL) of each bid
report-seals-intro = Each bid's overall SEAL (the lowest among the objectives) and the level of each objective by the bidder's self-assessment, whether or not a minimum requirement uses them:
th-overall-seal = Overall SEAL
seal-no-assessment = no assessment
report-fact-seal = **SEAL:** overall { $overall } ({ $objectives })
report-rejected-intro = **The bid is rejected as non-compliant** because:
report-h-close-calls = Close call
report-close-calls-intro = The award hangs on small differences. The evaluation committee should review the following before the decision is taken; the robustness analysis gives the full picture:
letter-rejected = Your bid is non-compliant and therefore cannot be considered.
report-skipped-intro = { $count ->
        [one] The following file could not be read as a bid of this tender and is not part of the evaluation. It must be corrected and the evaluation repeated before the award decision is taken:
       *[other] The following { $count } files could not be read as bids of this tender and are not part of the evaluation. They must be corrected and the evaluation repeated before the award decision is taken:
    }
report-not-read-intro = { $count ->
        [one] The following file in the bids' directory is not read as a bid (a hidden file, a directory or a file of another type). If it is a bid, it must be included before the award decision is taken:
       *[other] The following { $count } files in the bids' directory are not read as bids (hidden files, directories or files of another type). If one of them is a bid, it must be included before the award decision is taken:
    }
report-h-warnings = Findings for the committee
report-h-rank-reversal = Rank reversal check
report-rank-reversal-intro = The price model depends on the other bids, so the evaluation checks whether removing a bid that is not awarded would change the order of the others.
report-rank-reversal-none-tried = No bid that is not awarded sets a price the price model measures the others against, so removing one cannot change the order of the others.
report-rank-reversal-none = { $count ->
        [one] Removing { $tried } leaves the order of the other bids unchanged.
       *[other] Removing any one of { $tried } leaves the order of the other bids unchanged.
    }
report-rank-reversal-found = { $count ->
        [one] Removing { $tried } changes the order of others:
       *[other] Removing { $tried }, one at a time, changes the order of others:
    }
report-rank-reversal-item = without { $removed }, { $now_ahead } moves ahead of { $was_ahead }.
report-h-bids = The bids in detail
report-fact-bidder = **Bidder:** { $name } ({ $id }), { $country }
report-fact-submitted = **Received:** { $date }
report-fact-rank = **Result:** rank { $rank }
report-fact-rank-awarded = **Result:** rank { $rank }, awarded
report-fact-rank-passed-over = **Result:** rank { $rank }, passed over under the limit on lots per bidder
report-fact-status = **Result:** { $status }
report-gates-intro = Premises and minimum requirements:
th-result = Result
report-excluded = **The bid is not ranked.** { $reason }
report-criteria-intro = Quality points:
th-score = Score
th-points = Points
report-quality-total = Quality points in total
report-quality-share = { $percent } of the maximum
report-derivations-intro = How the figures were computed:
derivation-sovereignty = { $criterion }, per objective: { $objectives }
derivation-measured = { $criterion }: value offered { $value } { $unit }
derivation-price-basis = Evaluated price: { $derivation }
derivation-price-points = { $criterion }: { $derivation }
derivation-adjustment = Adjustment for { $criterion }: { $derivation }
derivation-total = Total: { $derivation }
derivation-total-relative = Total points relative to the best bid: { $derivation }
derivation-ppqp = Price per quality point: { $derivation }
derivation-evaluation-price = Evaluation price: { $derivation }
report-justifications-intro = The evaluators' justifications:
th-evaluator = Evaluator
th-justification = Justification
th-descriptor = Meaning
report-h-letters = Paragraphs for the award letters
report-letters-intro = One paragraph per bidder. The paragraphs make up the award decision's letter to each bidder (Directive 2014/24/EU Art. 55; in Denmark section 171 of the Public Procurement Act), with the standstill period and how to complain.
letter-to = **To { $bidder }, lot { $lot } ({ $title }).**
letter-scores-total = { $total } points (price { $price_points } points, quality { $quality } points)
letter-scores-ppqp = a price per quality point of { $figure } (evaluated price { $price }, { $quality } quality points)
letter-scores-evaluation-price = an evaluation price of { $figure } (evaluated price { $price }, { $quality } quality points)
letter-awarded = Your bid is ranked { $rank } of { $ranked } with { $scores }, and the lot is awarded to you.
letter-awarded-shared = Your bid is ranked { $rank } of { $ranked } with { $scores }, and you are among the { $count } bidders the lot is awarded to: { $bids }.
letter-ranked = Your bid is ranked { $rank } of { $ranked } with { $scores }.
letter-passed-over = Your bid is ranked { $rank } of { $ranked } with { $scores }, but you have already been awarded { $count ->
        [one] lot
       *[other] lots
    } { $won }, the most lots one bidder may be awarded, so this lot goes to the next ranked bid.
letter-award-to = The lot is awarded to { $bids }.
letter-reference-winner = The lot is awarded to { $bid }, whose bid achieved { $scores }.
letter-corridor-both = Both bids are in the corridor, where { $decision } is ranked first.
letter-corridor-outside = The winning bid is in the corridor and yours is not, so the winning bid is ranked first.
letter-reference-last = The lowest-ranked bid awarded, from { $bid }, achieved { $scores }.
letter-advantages = The relative advantages of { $count ->
        [one] the winning bid
       *[other] that bid
    } over yours: { $list }.
letter-your-advantages = Your bid did better on: { $list }.
letter-no-advantages = That bid scored no more than yours on any single criterion; it is ranked ahead under the tie-break rules.
letter-criterion-points = { $criterion }: your bid { $yours } points, the winning bid { $winner } points
letter-criterion-price = evaluated price: your bid { $yours }, the winning bid { $winner }
letter-excluded = Your bid cannot be considered. { $reason }
letter-gate = On { $requirement }: { $reasons }
letter-no-award = The lot is not awarded on this evaluation.

## The award decision with a letter to each bidder (Directive 2014/24/EU art. 55).

decision-title = Award decision: { $title }
decision-intro = The buyer has decided the award on the evaluation of the bids. The decision is in chapter 1; each bidder is notified of the decision and the reasons for it in its letter below (Directive 2014/24/EU Art. 55; in Denmark section 171 of the Public Procurement Act).
decision-h-decision = Award decision
decision-lot = Lot { $lot }:
decision-h-letters = Notice to the bidders, lot { $lot }: { $title }
decision-no-bids = No bids were received for the lot.
letter-standstill = The contract will not be concluded before the standstill period has ended: 10 calendar days from the day after the day this notice is sent electronically (Directive 89/665/EEC Art. 2a(2); in Denmark section 3(1)(1) of the Act on the Complaints Board for Public Procurement).
letter-complaint = A complaint about the award decision may be lodged with { $body } under the Act on the Complaints Board for Public Procurement. A complaint lodged before the standstill period ends suspends the conclusion of the contract until the Board has decided whether it is to continue to do so (section 12(1)); the complainant must notify the buyer of the complaint in writing no later than when it is lodged (section 6(4)).
review-body-default = the Complaints Board for Public Procurement (Klagenævnet for Udbud)
report-internal = **Internal working document of the evaluation committee.** The report holds every bid, mark and justification and the notes to the committee. The bidders are notified by the award decision and a letter each.

## The robustness analysis: a document of its own, or the last chapter of the evaluation report.
#
# Bid and criterion ids arrive escaped. The $message of `analysis-reason-evaluation-failed*` is
# tender-score's plain English; a catalogue in another language leaves it out.

analysis-title = Robustness analysis: { $title }
analysis-h-chapter = Appendix: robustness analysis
analysis-intro = This analysis shows how robust the evaluation is: how far each weight could move before the winner changes, at which price each other bid would draw level with the winner, how often the winner stays first when the weights are drawn at random around the published ones, what the other price models and rounding policies would give, and whether removing a bid changes the order of the others. It is computed from the same bids and marks as the evaluation and is not part of the basis for the award decision.
analysis-lot-ranking = { $count ->
        [one] Only { $ranked } is ranked.
       *[other] Ranked bids, in the evaluation's order: { $ranked }.
    }
analysis-lot-limit = The award follows the tender's limit on lots per bidder; the analyses below concern this lot's ranking alone.
analysis-skipped = Not computed: { $reason }.
analysis-h-sensitivity = Weight sensitivity
analysis-sensitivity-intro = { $basis ->
        [money] Each quality criterion's money value (what full marks are worth) is moved in turn while the others are rescaled in proportion, so their sum stays { $total }.
       *[weights] Each criterion's weight is moved in turn while the other weights are rescaled in proportion, so their sum stays { $total }.
    } The limits are computed exactly on unrounded totals; rounding at the criterion or total step is left out.
analysis-sensitivity-agrees = On exact totals the bids rank as in the evaluation.
analysis-sensitivity-disagrees = **Note:** on exact totals { $winner } is first and the lot goes to { $awarded }, which is not how the evaluation ranks them: the evaluation ranks on the published, rounded figures and breaks their ties by the tender's rules. The limits below are those of the exact ranking.
analysis-sensitivity-winner = { $winner } stays first while { $basis ->
        [money] a criterion's money value
       *[weights] a criterion's weight
    } is within these limits:
analysis-sensitivity-awarded = The lot goes to the same bids ({ $awarded }) while { $basis ->
        [money] a criterion's money value
       *[weights] a criterion's weight
    } is within these limits:
analysis-sensitivity-no-interval = No limits for { $criterion }: { $reason }.
th-published = Published
th-lower-end = Lower limit
th-below = Below it
th-upper-end = Upper limit
th-above = Above it
analysis-end-limit-low = nothing changes down to 0
analysis-end-limit-high = nothing changes up to the whole sum
analysis-end-overtaken = { $bid } overtakes
analysis-end-award-changes = { $enters } is awarded instead of { $leaves }
analysis-end-quality-minimum = { $bid } crosses the minimum total quality
analysis-end-max-pass = { $enters } goes on to price evaluation instead of { $leaves }
analysis-h-break-even = Break-even prices
analysis-break-even-intro = For each ranked bid that does not win: the evaluated price at which it would draw level with the bid it must pass, everything else unchanged. At that price the bid is level or ahead (a tie is broken by the tie-break rules), and { $unit } more puts it behind. The prices are evaluated prices, as in the evaluation.
analysis-break-even-relative = Under this price model a bid's own price moves the prices the model compares with (such as the lowest price), and so the other bids' points; the prices account for that.
analysis-break-even-none = Every ranked bid is first.
analysis-break-even-award-intro = The lot is awarded to { $count } suppliers. The price at which each bid that is not awarded would be:
th-price-to-win = Price to win
th-price-to-be-awarded = Price to be awarded
th-reduction = Reduction
th-level-with = Level with
analysis-reduction = { $amount } ({ $percent })
analysis-tied-now = already tied with { $bid } on the published figure; the tie-break rules rank it behind
analysis-cannot-win = cannot win at any positive price (not even at { $unit })
analysis-cannot-be-awarded = cannot be awarded at any positive price (not even at { $unit })
analysis-h-stability = Rank stability
analysis-stability-dirichlet = { $count ->
        [one] One set of weights was
       *[other] { $samples } sets of weights were
    } drawn at random from a Dirichlet distribution centred on the published weights, with concentration { $concentration } (the larger, the closer to the published weights), and the ranked bids compared under each. The seed is { $seed }: the same seed gives the same result on every machine.
analysis-stability-uniform = { $count ->
        [one] One set of weights was
       *[other] { $samples } sets of weights were
    } drawn at random, each weight moved independently by up to ±{ $percent } and all rescaled to their published sum, and the ranked bids compared under each. The seed is { $seed }: the same seed gives the same result on every machine.
analysis-stability-winner = { $winner } stays first in { $estimate } of the samples (standard error { $error }).
analysis-stability-awarded = The lot goes to the same bids in { $estimate } of the samples (standard error { $error }).
th-probability-win = Probability of winning
th-probability-award = Probability of being awarded
analysis-probability = { $estimate } ± { $error }
analysis-h-price-models = Price models and rounding
analysis-price-models-intro = The lot evaluated again with the same bids and marks under each alternative price model and rounding policy; the first row is the tender's own. Each bid's published figure is in brackets.
th-variant = Price model and rounding
th-ranking = Ranking
th-ties = Ties
th-change = Change
analysis-changes-winner = **another winner**
analysis-changes-awarded = **other bids awarded**
analysis-no-change = none
analysis-not-evaluated = not evaluated: { $reason }
analysis-variant-own = { $model } (the tender's own), { $rounding }
analysis-variant-rounding = { $model }, { $rounding }
analysis-rounding = { $step ->
        [aggregate] each criterion's aggregate of the evaluators' marks
        [grade] each criterion's grade on its own scale (the price's grade on the evaluation model's scale)
        [price-points] the price points
        [quality] the quality points in total
        [ratio] each criterion's share of full marks
        [criterion] each criterion's points
       *[total] the total
    } rounded to { $decimals ->
        [0] whole numbers
        [one] one decimal
       *[other] { $decimals } decimals
    }, { $strategy ->
        [half-up] half away from zero
        [half-even] half to even
        [half-down] half towards zero
        [down] always towards zero
       *[up] always away from zero
    }
analysis-model-linear-slope = the linear price model with a slope, 0 points at { $slope } above the lowest price
analysis-model-linear-from-lowest-floored = the linear price model from the lowest price, never below 0 points
analysis-model-fixed-span = the linear price model over a fixed price span from { $low } to { $high }
analysis-model-logarithmic = the logarithmic price model, 0 points at { $zero_at } above the lowest price
analysis-model-formula = the tender's own price formula `{ $formula }`
analysis-model-corridor = the price-per-quality-point method with a corridor of { $corridor }, within which { $decision } is ranked first
analysis-model-value-added-deduction = the value-added method, quality deducted from the price
analysis-model-value-added-markup = the value-added method, missing quality added to the price
analysis-model-percent-deduction = the percentage-adjustment method, the price reduced by up to { $percent } for quality
analysis-model-percent-markup = the percentage-adjustment method, the price raised by up to { $percent } for missing quality
analysis-assumptions-intro = Parameters the tender does not give, chosen for the comparison:
analysis-assumption-price-weight = { $models }: price is weighted { $weight }, the sum of the quality weights, so price and quality weigh the same, because the tender gives price no weight.
analysis-assumption-money-values = { $models }: the money values are derived from the estimated value { $estimate }, shared out by the weights (price's share { $share } of { $total }): { $values }.
analysis-h-reversal = Rank reversal
analysis-reversal-intro = Each ranked bid is removed in turn and the lot evaluated again without it; two other bids that change places show a rank reversal.
analysis-reversal-none = { $count ->
        [one] With one ranked bid there is nothing to reorder.
       *[other] Removing any one of the { $count } ranked bids leaves the others in the same order.
    }
analysis-reversal-found = Removing these bids changes the order of others:
analysis-reversal-new-winner = without { $removed }, { $winner } wins.
analysis-reason-no-ranked-bid = no bid is ranked
analysis-reason-fewer-than-two-ranked = fewer than two bids are ranked
analysis-reason-relative-quality-total = quality points are relative to the best bid's quality total, which is not a weighted sum, so re-weighting does not apply
analysis-reason-relative-total = the total points are relative to the best bid's total, which is not a weighted sum and moves with the best bid, so re-weighting and break-even prices do not apply
analysis-reason-several-price-criteria = several price criteria score parts of the price, so there is no single price to move and no price model to swap
analysis-reason-corridor = the extended price-per-quality-point method decides inside a corridor around the best ratio, which is not a weighted sum, so re-weighting does not apply
analysis-reason-no-weighted-criteria = the lot has no weighted criteria
analysis-reason-no-quality-weights = the quality criteria have no weights
analysis-reason-missing-result = the evaluation gives { $bid } no result for { $criterion }
analysis-reason-missing-price = the evaluation gives { $bid } no price
analysis-reason-bid-price-not-positive = { $bid } has a price that is not above zero
analysis-reason-price-not-positive = a price model divides by a price that is not above zero
analysis-reason-logarithm = the logarithmic price model could not be computed
analysis-reason-formula-uses-other-bids = the price formula uses the other bids' prices (lowest, highest or mean), so a bid's price moves the other bids' points in ways the break-even search cannot bound; not computed
analysis-reason-formula-not-monotone = the price formula's points are not shown to fall as the price rises, so a search on the price would not be sound; not computed
analysis-reason-formula-failed = the price formula cannot be computed at a price the analysis tried (a division by zero, or points outside 0 to the maximum)
analysis-reason-formula-not-proportional = the formula of { $criterion } gives points that are not proportional to its weight (max), so re-weighting it does not scale them; weight sensitivity and the Monte Carlo do not apply
analysis-reason-too-large = the numbers are too large to compute exactly
analysis-reason-carries-all-weight = the criterion carries all the weight, so it cannot be re-weighted
analysis-reason-no-samples = no samples were asked for
analysis-reason-not-asked-for = it was not asked for
analysis-reason-too-many-ranked = { $ranked } bids are ranked, more than the limit of { $limit } for the exhaustive check
analysis-reason-no-estimate-for-span = the price span needs the lot's estimated value
analysis-reason-no-estimate-for-money-values = the money values need each criterion's money value or the lot's estimated value
analysis-reason-no-price-criterion = the lot has no price criterion
analysis-reason-no-weights-to-share = the criteria have no weights to share the estimated value by
analysis-reason-parameters-too-large = the tender's amounts or weights are too large to derive the parameters from
analysis-reason-evaluation-failed = the evaluation cannot be completed: { $message }
analysis-reason-evaluation-failed-bid = the evaluation cannot be completed for { $bid }: { $message }

## Charts (the HTML edition): each has a table with the same figures.

chart-points-title = Points per bid by award criterion, lot { $lot }
chart-points-desc = One horizontal bar for each ranked bid with its points on each award criterion laid end to end and the total after the bar. The table below the chart gives the same figures.
chart-sensitivity-title = The weights at which { $winner } stays first
chart-sensitivity-desc = For each criterion the range of weights within which the same bid stays first, the other criteria sharing the rest in their published proportions; the line is the published weight. The table below the chart gives the same figures.
chart-sensitivity-range = Range with the same winner
chart-break-even-title = Price to win against evaluated price
chart-break-even-desc = For each bid that can win on price, the range from the price at which it would win to its evaluated price; the line is the evaluated price. The table below the chart gives the same figures.
chart-break-even-range = Price reduction needed
chart-stability-title = Probability of winning under random weights
chart-stability-desc = For each ranked bid the estimated probability of coming first when the weights are drawn at random. The table below the chart gives the same figures with their standard errors.
chart-quality-title = Quality points per bid by award criterion, lot { $lot }
chart-quality-desc = One horizontal bar for each ranked bid with its points on each quality criterion laid end to end and its quality points after the bar; the bids are ranked on price, as the table above shows. The table below the chart gives the same figures.
## Measured criteria (issue 18).
scale-measured = value offered ({ $unit })
th-stated-value = Value { $criterion }
th-measured-from = { $direction ->
        [higher] At least ({ $unit })
       *[lower] At most ({ $unit })
    }
formula-measured-proportional-higher = { $id } = { $weight } × v / vbest
formula-measured-proportional-lower = { $id } = { $weight } × vbest / v
formula-measured-linear = { $id } = { $weight } × min(1, max(0, (v − { $zero }) / ({ $full } − { $zero })))
formula-measured-bands = { $id } = { $weight } × k(v) / { $max }
formula-measured-custom = { $id } = { $formula }
legend-measured = v is the value a bid offers on a measurable criterion; vbest the best value offered among the bids that go on to evaluation; k(v) the score of the band the value reaches.
model-measured = { $criterion } is a measurable award criterion: it is scored from the value the bid offers, in { $unit }. { $direction ->
        [higher] A higher value is better.
       *[lower] A lower value is better.
    }
model-measured-proportional = The best value offered among the bids that go on to evaluation gets { $weight } points; every other bid gets { $weight } points times { $direction ->
        [higher] its own value divided by the best value.
       *[lower] the best value divided by its own value.
    }
model-measured-linear = A value of { $full } or better gets { $weight } points, a value of { $zero } gets 0 points, and values in between get points in proportion (a straight line).
model-measured-beyond-zero = A value worse than { $zero } gets 0 points.
model-measured-beyond-reject = A bid offering a value worse than { $zero } does not comply with the tender documents and is rejected.
model-measured-bands = The value earns the score of the first band it reaches, on a scale up to { $max }:
model-measured-below-zero = A value { $direction ->
        [higher] below
       *[lower] above
    } { $limit } gets 0 points.
model-measured-below-reject = A bid offering a value { $direction ->
        [higher] below
       *[lower] above
    } { $limit } does not comply with the tender documents and is rejected.
model-measured-formula = The points are computed by this formula, exactly, rounding only where the formula says so:
legend-measured-variable = { $key ->
        [value] { $name } is the value the bid offers.
        [best] { $name } is the best value offered among the bids that go on to evaluation.
        [worst] { $name } is the worst value offered among them.
        [lowest] { $name } is the lowest value offered among them.
        [highest] { $name } is the highest value offered among them.
        [mean] { $name } is the mean of the values offered among them.
       *[max] { $name } is the criterion's maximum points, { $weight }.
    }
legend-measured-constant = { $name } is { $value }, as these tender documents set it.
model-measured-formula-example = For example, a bid offering { $value } when the best value offered is { $best } and the worst { $worst } (and the mean is the bid's own value) gets: { $computation }.
model-measured-range = The acceptable values are { $min } to { $max }; a bid offering a value outside them does not comply with the tender documents and is rejected.
model-measured-min = A bid offering a value below { $min } does not comply with the tender documents and is rejected.
model-measured-max = A bid offering a value above { $max } does not comply with the tender documents and is rejected.
model-measured-missing = A bid that offers no value for the criterion does not comply with the tender documents and is rejected.
formula-var-value = value
formula-var-best = best
formula-var-worst = worst
formula-var-lowest = lowest
formula-var-highest = highest
formula-var-mean = mean
formula-var-max = max
formula-var-price = price

analysis-break-even-values-intro = The value offered on a measurable award criterion at which a bid would be ranked first, all else unchanged (each step a full evaluation, so the best value offered moves with it):
th-value-offered = Value offered
th-value-to-win = Value to be first
analysis-value-cannot-win = not first even at { $limit }
