//! Print what sayso extracts from a text file: `cargo run --example debug_extract -- FILE [PUBLISHED]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: debug_extract FILE [PUBLISHED]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let mut a = sayso::Article::new(text);
    a.published = args.get(2).and_then(|d| sayso::article::parse_published(d));
    let x = sayso::extract(a);
    let t = &x.article.text;
    for q in &x.quotes {
        let m = q.mention.map(|m| &t[m.start..m.end]).unwrap_or("-");
        let c = q.cue.map(|c| &t[c.start..c.end]).unwrap_or("-");
        let excerpt: String = q.text.chars().take(70).collect();
        println!(
            "Q {:<6} {:<22} [{}|{}|{}] {:?} date={:?}",
            q.kind.as_str(),
            q.method,
            q.speaker.as_deref().unwrap_or("-"),
            m,
            c,
            excerpt,
            q.date
        );
    }
    for c in &x.claims {
        let m = c.mention.map(|m| &t[m.start..m.end]).unwrap_or("-");
        let excerpt: String = c.text.chars().take(70).collect();
        println!(
            "C {:<12} {:<16} [{}|{}] {:?}",
            c.kind.as_str(),
            c.method,
            c.speaker.as_deref().unwrap_or("-"),
            m,
            excerpt
        );
    }
    for s in &x.speakers {
        println!(
            "S {} {:?} roles={:?} q={} c={}",
            s.name, s.aliases, s.roles, s.n_quotes, s.n_claims
        );
    }
}
