//! One repetitive input for profiling: `scaling_one UNIT N`.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let text = a[1].repeat(a[2].parse().unwrap());
    let x = sayso::extract(sayso::Article::new(text));
    println!("{} quotes {} claims", x.quotes.len(), x.claims.len());
}
