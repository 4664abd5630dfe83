fn main() {
    let bytes = std::fs::read("methods/test-card.yaml").unwrap();
    let n = 200;
    let t = std::time::Instant::now();
    for _ in 0..n {
        let _: serde_yaml::Value =
            serde_yaml::from_str(std::str::from_utf8(&bytes).unwrap()).unwrap();
    }
    println!("value parse: {:?}", t.elapsed() / n);
    let t = std::time::Instant::now();
    for _ in 0..n {
        let _: labkit::method::raw::RawMethod =
            serde_yaml::from_str(std::str::from_utf8(&bytes).unwrap()).unwrap();
    }
    println!("direct raw parse: {:?}", t.elapsed() / n);
    let t = std::time::Instant::now();
    for _ in 0..n {
        let _ = labkit::method::parse(&bytes, "x", Some("test-card")).unwrap();
    }
    println!("full parse+validate: {:?}", t.elapsed() / n);
    let t = std::time::Instant::now();
    for _ in 0..n {
        let _ = handlebars::Template::compile(
            "{{or (eq method_kind 'randomised_trial') (eq method_kind 'ab_test')}}",
        )
        .unwrap();
    }
    println!("one template compile: {:?}", t.elapsed() / n);
}
