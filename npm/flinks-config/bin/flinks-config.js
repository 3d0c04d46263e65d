#!/usr/bin/env node
// Runs the flinks-config binary from the platform package npm installed for
// this machine: each platform's binary is an optional dependency whose
// `os`/`cpu` fields let npm skip the others (as biome and oxlint ship).
"use strict";

const { spawnSync } = require("child_process");

// `${process.platform}-${process.arch}` → the package holding its binary.
const PLATFORM_PACKAGES = {
  "linux-x64": "@flinks-config/linux-x64",
};

function binaryPath() {
  if (process.env.FLINKS_CONFIG_BINARY) {
    return process.env.FLINKS_CONFIG_BINARY;
  }
  const platform = `${process.platform}-${process.arch}`;
  const pkg = PLATFORM_PACKAGES[platform];
  if (!pkg) {
    fail(
      `flinks-config has no prebuilt binary for ${platform} yet; ` +
        "install it with `cargo install flinks-config-cli` or `pip install flinks-config`.",
    );
  }
  const exe = process.platform === "win32" ? "flinks-config.exe" : "flinks-config";
  try {
    return require.resolve(`${pkg}/bin/${exe}`);
  } catch {
    fail(
      `the package ${pkg} is not installed: it is an optional dependency of ` +
        "flinks-config, so reinstall without --omit=optional / --no-optional.",
    );
  }
}

function fail(message) {
  console.error(`flinks-config: ${message}`);
  // 2 is the linter's own exit code for a usage or setup problem.
  process.exit(2);
}

const result = spawnSync(binaryPath(), process.argv.slice(2), { stdio: "inherit" });
if (result.error) {
  fail(`could not run the binary: ${result.error.message}`);
}
if (result.signal) {
  process.kill(process.pid, result.signal);
}
process.exit(result.status === null ? 2 : result.status);
