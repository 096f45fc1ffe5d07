//! The HTML edition in a real browser: `tender evaluate --format html`, `tender analyze --format
//! html` and `tender render --format html` on a bundled fixture whose bidder names and
//! justifications are planted with markup, opened in headless Chromium (Debian's `chromium`,
//! which `.ci/run` installs).
//!
//! The DOM Chromium builds (`--dump-dom`) must pass the checks of
//! `crates/text/tests/common/html.rs` (no script, no event handler, no link, captions and scoped
//! header cells, every chart's SVG titled), hold the lot tables and a chart with a bar per ranked
//! bid, and show the planted text as text; the browser must log nothing to its console (a
//! blocked script or resource, a CSP violation); every chart's SVG must have a non-zero size
//! once laid out; printed to PDF it must be A4 pages; and `--screenshot` must give a PNG, kept at
//! `target/tmp/html/report-da.png` (the guide's screenshot is made from it). Each check is
//! also run on a page made to fail it, to show it can.
//!
//! Without Chromium the test prints why it did not run, except under `CI=true`, where it fails.

#[path = "../../text/tests/common/html.rs"]
mod html;

use std::io::{BufRead as _, BufReader, Write as _};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

/// Planted in a bidder's name and in a justification.
const PLANTED: &str = "<script>alert(1)</script> </td> <!-- | pipes | <img src=x onerror=alert(2)>";

fn workspace() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The browser, or `None` (with the reason printed) when it is missing outside CI.
#[allow(clippy::print_stderr, reason = "a skipped test says why it did not run")]
fn chromium() -> Option<PathBuf> {
    let candidates = [std::env::var_os("CHROMIUM").map(PathBuf::from), Some(PathBuf::from("/usr/bin/chromium"))];
    for c in candidates.into_iter().flatten() {
        if c.is_file() {
            return Some(c);
        }
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser"] {
            if dir.join(name).is_file() {
                return Some(dir.join(name));
            }
        }
    }
    let reason = "headless Chromium is not installed (Debian: apt-get install chromium; or set CHROMIUM)";
    assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true: {reason}; .ci/run installs it");
    eprintln!("skipped: {reason}");
    None
}

/// A local web server for the measured pages: every path the browser asks for is recorded, so
/// a page that loads anything (a stylesheet, an image, a font) is caught.
struct Server {
    port: u16,
    requests: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Serves the files of `dir` until the test ends.
    fn start(dir: &Path) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
        let port = listener.local_addr().expect("its address").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (dir, seen) = (dir.to_owned(), Arc::clone(&requests));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(&stream);
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    continue;
                }
                // The rest of the request's head.
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    header.clear();
                }
                // A connection the browser opened ahead and closed unused asks for nothing.
                let Some(path) = line.split_whitespace().nth(1).map(str::to_owned) else { continue };
                let file = dir.join(path.trim_start_matches('/'));
                seen.lock().map(|mut s| s.push(path)).ok();
                let (status, body) = match std::fs::read(&file) {
                    Ok(body) if file.is_file() => ("200 OK", body),
                    _ => ("404 Not Found", Vec::new()),
                };
                let kind = if file.extension().is_some_and(|e| e == "css") { "text/css" } else { "text/html" };
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {kind}; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&body));
            }
        });
        Self { port, requests }
    }

    fn url(&self, name: &str) -> String {
        format!("http://127.0.0.1:{}/{name}", self.port)
    }

    /// What the browser asked for since the last call besides `page` itself (and the favicon a
    /// browser asks for on its own).
    fn loaded_besides(&self, page: &str) -> Vec<String> {
        let seen = self.requests.lock().map(|mut s| std::mem::take(&mut *s)).unwrap_or_default();
        seen.into_iter().filter(|p| p != &format!("/{page}") && p != "/favicon.ico").collect()
    }
}

/// What the browser made of a page.
struct Opened {
    /// The DOM, serialised.
    dom: String,
    /// The console's messages.
    console: Vec<String>,
}

/// Opens `page` in headless Chromium and returns the DOM it built and its console's messages.
fn open(browser: &Path, page: &Path, profile: &Path, extra: &[&str]) -> Opened {
    open_url(browser, &format!("file://{}", page.display()), profile, extra)
}

/// Opens `url` in headless Chromium, as [`open`].
fn open_url(browser: &Path, url: &str, profile: &Path, extra: &[&str]) -> Opened {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", browser.display()));
    assert!(out.status.success(), "chromium failed on {url}: {}", String::from_utf8_lossy(&out.stderr));
    let console =
        String::from_utf8_lossy(&out.stderr).lines().filter(|l| l.contains(":CONSOLE")).map(str::to_owned).collect();
    Opened { dom: String::from_utf8_lossy(&out.stdout).into_owned(), console }
}

/// A copy of the page with a measuring script (and without the CSP that would block it and any
/// load): the laid-out size of every SVG, written into the DOM for `--dump-dom` to show. The
/// published page itself never has a script.
fn measured(html: &str) -> String {
    let csp = html.find("<meta http-equiv=\"Content-Security-Policy\"").map(|at| {
        let end = html[at..].find('>').map_or(html.len(), |e| at + e + 1);
        (at, end)
    });
    let html = match csp {
        Some((at, end)) => format!("{}{}", &html[..at], &html[end..]),
        None => html.to_owned(),
    };
    let probe = "<script>window.addEventListener('load', () => { \
        const sizes = [...document.querySelectorAll('svg')].map(s => { const r = s.getBoundingClientRect(); \
        return Math.round(r.width) + 'x' + Math.round(r.height); }); \
        document.body.setAttribute('data-svg-sizes', sizes.join(' ')); });</script>";
    html.replacen("</body>", &format!("{probe}</body>"), 1)
}

/// The laid-out SVG sizes, from a measured page's DOM.
fn measurements(dom: &str) -> Vec<(u32, u32)> {
    let attr = |name: &str| -> String {
        let key = format!("{name}=\"");
        dom.find(&key)
            .map(|at| {
                let rest = &dom[at + key.len()..];
                rest[..rest.find('"').unwrap_or(0)].to_owned()
            })
            .unwrap_or_else(|| panic!("the page was not measured (no {name}): {}", &dom[..dom.len().min(400)]))
    };
    attr("data-svg-sizes")
        .split_whitespace()
        .map(|s| {
            let (w, h) = s.split_once('x').unwrap_or(("0", "0"));
            (w.parse().unwrap_or(0), h.parse().unwrap_or(0))
        })
        .collect()
}

/// The number of pages of a PDF whose every page is A4 (595.28 × 841.89 points), or what is not.
fn a4_pages(pdf: &[u8]) -> Result<usize, String> {
    if !pdf.starts_with(b"%PDF-") {
        return Err("not a PDF".to_owned());
    }
    let text = String::from_utf8_lossy(pdf);
    let mut pages = 0;
    for (at, _) in text.match_indices("/MediaBox [") {
        let b = text[at..].split(']').next().unwrap_or_default();
        let numbers: Vec<f64> =
            b.trim_start_matches("/MediaBox [").split_whitespace().filter_map(|n| n.parse().ok()).collect();
        let a4 = matches!(numbers.as_slice(), [x, y, w, h] if *x == 0.0 && *y == 0.0 && (w - 595.28).abs() < 1.0 && (h - 841.89).abs() < 1.0);
        if !a4 {
            return Err(format!("a page is not A4: {b}]"));
        }
        pages += 1;
    }
    if pages == 0 { Err("no pages".to_owned()) } else { Ok(pages) }
}

/// Copies a fixture and plants [`PLANTED`] in a bidder's name and in its justifications.
fn planted_fixture(to: &Path) -> String {
    let from = workspace().join("fixtures/aalborg-consultancy");
    std::fs::create_dir_all(to.join("bids")).expect("the copy");
    std::fs::copy(from.join("tender.toml"), to.join("tender.toml")).expect("the tender");
    let mut name = String::new();
    for entry in std::fs::read_dir(from.join("bids")).expect("the bids") {
        let path = entry.expect("a bid").path();
        let mut text = std::fs::read_to_string(&path).expect("a bid file");
        if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("ac-02")) {
            let old = "name = \"Limfjord Digital A/S\"";
            assert!(text.contains(old), "the fixture's bid AC-02 changed");
            name = format!("Limfjord {PLANTED}");
            text = text.replacen(old, &format!("name = \"{name}\""), 1);
            text = text.replace("justification = \"", &format!("justification = \"{PLANTED} "));
        }
        std::fs::write(to.join("bids").join(path.file_name().expect("a name")), text).expect("the copy");
    }
    assert!(!name.is_empty(), "no bid AC-02 in the fixture");
    name
}

fn tender(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_tender")).args(args).output().expect("tender runs");
    assert!(out.status.success(), "tender {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn the_html_edition_in_a_browser() {
    let Some(browser) = chromium() else { return };
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let case = tmp.path().join("case");
    let planted = planted_fixture(&case);
    let case_arg = case.to_str().expect("a UTF-8 path");
    let page = |name: &str| tmp.path().join(name);
    let arg = |p: PathBuf| p.to_str().expect("a UTF-8 path").to_owned();
    tender(&["evaluate", case_arg, "--format", "html", "--lang", "da", "-o", &arg(page("report.html"))]);
    tender(&["evaluate", case_arg, "--format", "html", "--audience", "bidders", "-o", &arg(page("decision.html"))]);
    tender(&[
        "analyze",
        case_arg,
        "--format",
        "html",
        "--lang",
        "en",
        "-q",
        "--samples",
        "500",
        "-o",
        &arg(page("analysis.html")),
    ]);
    tender(&["render", case_arg, "--format", "html", "--lang", "en", "-o", &arg(page("spec.html"))]);

    let server = Server::start(tmp.path());
    for (name, lang, charts) in
        [("report.html", "da", 2), ("decision.html", "da", 0), ("analysis.html", "en", 2), ("spec.html", "en", 0)]
    {
        let file = page(name);
        let opened = open(&browser, &file, &tmp.path().join(format!("profile-{name}")), &["--dump-dom"]);
        assert!(opened.console.is_empty(), "{name}: the browser's console says:\n{}", opened.console.join("\n"));
        let dom = html::assert_valid(name, &opened.dom);
        assert_eq!(dom.lang, lang, "{name}");
        assert_eq!(dom.scripts, 0, "{name}");
        assert!(dom.charts.len() >= charts, "{name}: {} charts", dom.charts.len());
        for (title, bars) in &dom.charts {
            assert!(*bars > 0, "{name}: the chart `{title}` has no bars");
        }
        // Laid out, every chart has a size; served over HTTP, the page asks for nothing else.
        let measured_name = format!("measured-{name}");
        let html = std::fs::read_to_string(&file).expect("the page");
        std::fs::write(tmp.path().join(&measured_name), measured(&html)).expect("the measured copy");
        let profile = tmp.path().join(format!("profile-m-{name}"));
        let m = open_url(&browser, &server.url(&measured_name), &profile, &["--dump-dom"]);
        let sizes = measurements(&m.dom);
        assert_eq!(sizes.len(), dom.charts.len(), "{name}");
        assert!(sizes.iter().all(|&(w, h)| w > 0 && h > 0), "{name}: an SVG without size: {sizes:?}");
        let loaded = server.loaded_besides(&measured_name);
        assert!(loaded.is_empty(), "{name}: the page loaded {loaded:?}");
    }

    // The report: the lot tables, a chart per lot with a bar for each ranked bid, the planted
    // text shown as text.
    let opened = open(&browser, &page("report.html"), &tmp.path().join("profile-r"), &["--dump-dom"]);
    let dom = html::check(&opened.dom);
    assert!(dom.captions.iter().any(|c| c == "2.1 Rangordning"), "{:?}", dom.captions);
    assert!(dom.captions.iter().any(|c| c.starts_with("3.1 ")), "{:?}", dom.captions);
    assert!(dom.charts.iter().any(|(t, bars)| t.ends_with("delkontrakt L1") && *bars >= 4 * 3), "{:?}", dom.charts);
    assert!(dom.charts.iter().any(|(t, _)| t.ends_with("delkontrakt L2")), "{:?}", dom.charts);
    let planted_text = planted.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(dom.text.contains(&planted_text), "the planted name is not shown as text");
    let decision =
        html::check(&open(&browser, &page("decision.html"), &tmp.path().join("profile-d"), &["--dump-dom"]).dom);
    assert!(decision.text.contains(&planted_text), "the planted name is not in the decision as text");

    // Printed, the report is A4 pages (the print stylesheet's `@page`).
    let pdf = tmp.path().join("report.pdf");
    open(
        &browser,
        &page("report.html"),
        &tmp.path().join("profile-p"),
        &["--no-pdf-header-footer", &format!("--print-to-pdf={}", pdf.display())],
    );
    let pages = a4_pages(&std::fs::read(&pdf).expect("the PDF was written")).unwrap_or_else(|e| panic!("{e}"));
    assert!(pages >= 2, "the report prints on {pages} pages");

    // A screenshot of the unplanted fixture's report, for the guide.
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html");
    std::fs::create_dir_all(&shots).expect("target/tmp/html");
    let clean = shots.join("report-da.html");
    tender(&[
        "evaluate",
        &arg(workspace().join("fixtures/aalborg-consultancy")),
        "--format",
        "html",
        "--lang",
        "da",
        "-o",
        &arg(clean.clone()),
    ]);
    let png = shots.join("report-da.png");
    let _ = std::fs::remove_file(&png);
    open(
        &browser,
        &clean,
        &tmp.path().join("profile-s"),
        &["--window-size=1000,1600", &format!("--screenshot={}", png.display())],
    );
    let bytes = std::fs::read(&png).expect("the screenshot was written");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() > 10_000, "not a screenshot: {} bytes", bytes.len());
}

/// Each browser check fails on a page made to fail it: a script shows in the DOM, a blocked
/// script shows in the console, an SVG without size measures zero, a loaded stylesheet is
/// counted, a US letter page is not A4.
#[test]
fn the_browser_checks_can_fail() {
    let Some(browser) = chromium() else { return };
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let bad = tmp.path().join("bad.html");
    std::fs::write(
        &bad,
        "<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"><title>t</title>\
         <style>@page { size: letter; }</style><link rel=\"stylesheet\" href=\"bad.css\"></head>\
         <body><main><p onclick=\"x()\">x</p><script>document.title = 'ran';</script>\
         <svg role=\"img\" width=\"0\" height=\"0\"><title>c</title><desc>d</desc></svg></main></body></html>\n",
    )
    .expect("the page");
    std::fs::write(tmp.path().join("bad.css"), "p { color: red; }").expect("the stylesheet");
    let opened = open(&browser, &bad, &tmp.path().join("profile-1"), &["--dump-dom"]);
    assert!(!opened.console.is_empty(), "the CSP violation was not seen in the console");
    let dom = html::check(&opened.dom);
    assert_eq!(dom.scripts, 1);
    assert!(dom.problems.iter().any(|p| p.contains("<script> is not allowed")), "{:?}", dom.problems);
    assert!(dom.problems.iter().any(|p| p.contains("event handler")), "{:?}", dom.problems);
    std::fs::write(tmp.path().join("measured.html"), measured(&std::fs::read_to_string(&bad).expect("the page")))
        .expect("the copy");
    let server = Server::start(tmp.path());
    let m = open_url(&browser, &server.url("measured.html"), &tmp.path().join("profile-2"), &["--dump-dom"]);
    assert_eq!(measurements(&m.dom), vec![(0, 0)], "the SVG without size was not measured as such");
    assert_eq!(server.loaded_besides("measured.html"), vec!["/bad.css".to_owned()], "the stylesheet was not seen");
    assert!(dom.problems.iter().any(|p| p.contains("links or loads")), "{:?}", dom.problems);
    let pdf = tmp.path().join("bad.pdf");
    open(
        &browser,
        &bad,
        &tmp.path().join("profile-3"),
        &["--no-pdf-header-footer", &format!("--print-to-pdf={}", pdf.display())],
    );
    let letter = a4_pages(&std::fs::read(&pdf).expect("the PDF was written"));
    assert!(letter.is_err_and(|e| e.contains("not A4")), "a US letter page passed as A4");
    assert!(a4_pages(b"<html>").is_err());
}
