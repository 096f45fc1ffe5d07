//! The hosting gate on the Aarhus fixture: the tender allows the buyer's data centre, the
//! supplier's data centre in the EU and an EU cloud; AA-01 hosts in its own data centre in Denmark
//! (`supplier-data-centre-dk`), which the supplier's data centre in the EU admits.

use std::path::Path;

use tender_core::requirement::HostingModel;
use tender_core::{Id, files};
use tender_score::result::GateReason;

fn hosting_gate(tender: &tender_core::Tender, bids: &[tender_core::Bid]) -> (bool, Vec<GateReason>) {
    let evaluation = tender_score::evaluate(tender, bids).expect("the fixture evaluates");
    let bid = evaluation.lots[0].bid(&Id::new("AA-01")).expect("AA-01 is evaluated");
    let gate = bid.gates.iter().find(|g| g.requirement.as_str() == "R-HOSTING").expect("the hosting gate");
    (gate.passed, gate.reasons.clone())
}

#[test]
fn a_danish_supplier_data_centre_passes_where_the_eu_is_allowed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/aarhus-office-suite");
    let (mut tender, bids) = files::load_case(&dir).expect("the fixture loads");
    let aa01 = bids.iter().find(|b| b.id.as_str() == "AA-01").expect("AA-01");
    assert_eq!(aa01.hosting.as_ref().map(|h| h.model), Some(HostingModel::SupplierDataCentreDk));
    assert_eq!(hosting_gate(&tender, &bids), (true, Vec::new()));

    // Without the supplier's data centre in the EU, the bid fails the gate on its model.
    let r = tender.requirements.iter_mut().find(|r| r.id.as_str() == "R-HOSTING").expect("R-HOSTING");
    let h = r.hosting.as_mut().expect("a hosting requirement");
    h.allowed_models.retain(|m| *m != HostingModel::SupplierDataCentreEu);
    let (passed, reasons) = hosting_gate(&tender, &bids);
    assert!(!passed);
    assert_eq!(
        reasons,
        [GateReason::HostingModelNotAllowed {
            offered: HostingModel::SupplierDataCentreDk,
            allowed: vec![HostingModel::BuyerDataCentre, HostingModel::EuCloud],
        }]
    );
}
