#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| flinks_config_fuzz::directory(data));
