//! Attribution evaluation on the PolNeAR layout (`text/` + `attributions/`).
