//! TempEval-3 style evaluation of temporal expressions on TimeML files.
