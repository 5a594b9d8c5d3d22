//! The HTML report renders in a real browser: headless Chromium takes a screenshot of it,
//! and the screenshot shows the coverage chart (not a blank page), below the summary.

use std::process::Command;

use lexdef::Analysis;

fn chromium() -> String {
    for candidate in ["chromium", "chromium-browser", "google-chrome"] {
        if Command::new("sh")
            .args(["-c", &format!("command -v {candidate}")])
            .output()
            .is_ok_and(|output| output.status.success())
        {
            return candidate.to_owned();
        }
    }
    panic!("no headless Chromium on PATH: tests/run-all.sh installs it (apt-get install chromium)");
}

#[test]
fn the_html_report_renders_in_headless_chromium() {
    let (report, analyses) = lexdef_workspace_tests::bundled_report();
    let references: Vec<&Analysis> = analyses.iter().collect();
    let html = report.to_html(&references);
    assert!(
        !html.contains("<script") && !html.contains("http://") && !html.contains("https://"),
        "self-contained: no scripts, no network"
    );
    // The summary comes first, the most divergent first, each row linked to its findings.
    let summary = html.find("<h2 id=\"summary\">Summary</h2>").expect("a summary");
    assert!(summary < html.find("<h2>Coverage</h2>").expect("the chart"), "the summary is first");
    let rows = report.summary();
    let first = format!("<a href=\"#{0}\">{0}</a>", rows[0].instrument);
    let last = format!("<a href=\"#{0}\">{0}</a>", rows[rows.len() - 1].instrument);
    assert!(html.find(&first) < html.find(&last), "in the summary's order");
    for row in &rows {
        assert!(
            html.contains(&format!("<h2 id=\"{}\">", row.instrument)),
            "{}: a link to its findings",
            row.instrument
        );
    }

    let directory = tempfile::tempdir().expect("a scratch directory");
    let page = directory.path().join("report.html");
    let screenshot = directory.path().join("report.png");
    std::fs::write(&page, &html).expect("write the page");
    let status = Command::new("timeout")
        .arg("120")
        .arg(chromium())
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1400,2000"])
        .arg(format!("--user-data-dir={}", directory.path().join("profile").display()))
        .arg(format!("--screenshot={}", screenshot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(screenshot.exists(), "chromium wrote no screenshot: {}", String::from_utf8_lossy(&status.stderr));

    let decoder = png::Decoder::new(std::fs::File::open(&screenshot).expect("open the screenshot"));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).expect("a frame");
    let channels = info.color_type.samples();
    let frame = &pixels[..info.buffer_size()];
    let total = frame.len() / channels;
    let mut not_white = 0;
    let mut blue = 0;
    for pixel in frame.chunks(channels) {
        let (red, green_channel, blue_channel) = (pixel[0], pixel[1], pixel[2]);
        if red < 240 || green_channel < 240 || blue_channel < 240 {
            not_white += 1;
        }
        // The chart's `present` cells: Okabe and Ito's blue, #0072b2.
        if red < 30 && (95..135).contains(&green_channel) && (160..200).contains(&blue_channel) {
            blue += 1;
        }
    }
    assert_eq!((info.width, info.height), (1400, 2000));
    assert!(not_white * 20 > total, "the page is not blank ({not_white} of {total} pixels drawn)");
    assert!(blue * 200 > total, "the coverage chart is drawn ({blue} blue pixels)");
}

#[test]
fn the_html_fragment_for_notebooks_styles_only_itself() {
    let (report, analyses) = lexdef_workspace_tests::bundled_report();
    let analyses: Vec<&lexdef::Analysis> = analyses.iter().collect();
    let page = report.to_html(&analyses);
    let fragment = report.to_html_fragment(&analyses);
    assert!(fragment.starts_with("<div class=\"lexdef\"><style>"));
    assert!(!fragment.contains("<body") && !fragment.contains("<html") && !fragment.contains("<title"));
    // Every rule of the fragment's style is scoped to the fragment, so a notebook's own
    // headings, tables and body keep their style.
    let style = &fragment[fragment.find("<style>").expect("a style") + 7..fragment.find("</style>").expect("closed")];
    let rules: Vec<&str> = style.split_inclusive('}').collect();
    assert!(rules.len() > 10);
    for rule in &rules {
        let selectors = rule.split('{').next().unwrap_or_default();
        for selector in selectors.split(',') {
            assert!(selector == ".lexdef" || selector.starts_with(".lexdef "), "unscoped selector `{selector}`");
        }
    }
    // The same content as the page: the page's body is the fragment.
    let body = &page[page.find("<body>").expect("a body") + 6..page.find("</body>").expect("closed")];
    assert_eq!(body.trim_start_matches('\n'), fragment, "the page's body is the fragment");
}
