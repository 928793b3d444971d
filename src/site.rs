//! The guide -> the site plan: every page to write, its path, and the typed context its
//! template receives. (Being written.)
