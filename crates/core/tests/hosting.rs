//! Hosting models say whose premises or data centre the service runs in: the buyer's own, or the
//! supplier's in Denmark or the EU, or a cloud. The names used before the split are still read.

use tender_core::Bid;
use tender_core::files::{self, Format};
use tender_core::requirement::{HostingModel, HostingRequirement};

fn requirement(models: &str) -> HostingRequirement {
    let source = format!("allowed_models = [{models}]");
    files::parse(&source, Format::Toml, "r.toml".as_ref()).unwrap_or_else(|e| panic!("{source}: {e}"))
}

#[test]
fn the_old_names_are_read_with_their_meaning() {
    let r = requirement("\"on-premise\", \"own-data-centre\"");
    assert_eq!(r.allowed_models, [HostingModel::BuyerPremises, HostingModel::BuyerDataCentre]);
    // Written back under the new names.
    let written = serde_json::to_value(&r).expect("written");
    assert_eq!(written, serde_json::json!({ "allowed_models": ["buyer-premises", "buyer-data-centre"] }));
}

#[test]
fn every_model_has_a_name_that_round_trips() {
    let names = [
        "buyer-premises",
        "buyer-data-centre",
        "supplier-data-centre-dk",
        "supplier-data-centre-eu",
        "government-cloud",
        "eu-cloud",
        "public-cloud",
        "hybrid",
    ];
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    let r = requirement(&quoted.join(", "));
    assert_eq!(r.allowed_models, HostingModel::ALL);
    let json = serde_json::to_value(&r.allowed_models).expect("JSON");
    assert_eq!(json, serde_json::json!(names));
}

#[test]
fn an_unknown_model_is_refused_with_the_names() {
    let Err(e) =
        files::parse::<HostingRequirement>("allowed_models = [\"own-datacenter\"]", Format::Toml, "r.toml".as_ref())
    else {
        panic!("an unknown model must be refused")
    };
    let message = e.to_string();
    assert!(message.contains("supplier-data-centre-dk"), "{message}");
}

#[test]
fn a_supplier_data_centre_in_the_eu_admits_one_in_denmark() {
    use HostingModel::*;
    for allowed in HostingModel::ALL {
        for offered in HostingModel::ALL {
            let expected = allowed == offered || (allowed == SupplierDataCentreEu && offered == SupplierDataCentreDk);
            assert_eq!(allowed.admits(offered), expected, "{allowed:?} admits {offered:?}");
        }
    }
    // Not the other way round, and the buyer's own data centre is not the supplier's.
    assert!(!SupplierDataCentreDk.admits(SupplierDataCentreEu));
    assert!(!BuyerDataCentre.admits(SupplierDataCentreDk));
}

#[test]
fn a_bid_may_use_the_old_name() {
    let bid = r#"
id = "B"
tender = "T"
lot = "L"
bidder = { id = "X", name = "X", country = "DK" }
price = { total = 1 }
hosting = { model = "own-data-centre" }
"#;
    let bid: Bid = files::parse(bid, Format::Toml, "b.toml".as_ref()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bid.hosting.map(|h| h.model), Some(HostingModel::BuyerDataCentre));
}
