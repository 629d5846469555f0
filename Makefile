# Two commands do all the set-up on a fresh Debian machine (with Rust installed):
#   make run    installs missing system packages, builds (release) and runs the kiosk full-screen
#   make test   installs missing system packages, checks formatting and lints (rustfmt, clippy), builds,
#               runs every test and renders every screen
# Other targets: make run-windowed (development), make check, make screenshots.

CARGO ?= cargo
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)

.PHONY: run run-windowed test check screenshots deps

deps:
	@bash .ci/install-system-packages

run: deps
	$(CARGO) run --locked --release -- run

run-windowed: deps
	$(CARGO) run --locked -- run --windowed

check:
	$(CARGO) run --locked -- check

test: deps
	$(CARGO) fmt --check
	$(CARGO) clippy --locked --all-targets -- -D warnings
	$(CARGO) test --locked
	$(CARGO) build --locked
	CARGO_TARGET_DIR=$(TARGET_DIR) bash tests/screenshots.sh
	CARGO_TARGET_DIR=$(TARGET_DIR) bash tests/report.sh

screenshots: deps
	$(CARGO) build --locked
	CARGO_TARGET_DIR=$(TARGET_DIR) bash tests/screenshots.sh
