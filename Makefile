# Two commands do all the set-up on a fresh Debian machine (with Rust installed):
#   make run    installs the missing packages the kiosk needs to build and run (nothing for tests), builds
#               (release) and runs the kiosk full-screen
#   make test   installs those and the test tools, checks formatting and lints (rustfmt, clippy), builds,
#               runs every test, renders every screen, and runs the kiosk under cage as on the booth PC
# Other targets: make run-windowed (development), make check, make screenshots.

CARGO ?= cargo
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)

.PHONY: run run-windowed test check screenshots deps-run deps-test

deps-run:
	@bash .ci/install-system-packages run

deps-test:
	@bash .ci/install-system-packages test

run: deps-run
	$(CARGO) run --locked --release -- run

run-windowed: deps-run
	$(CARGO) run --locked -- run --windowed

check:
	$(CARGO) run --locked -- check

test: deps-test
	$(CARGO) fmt --check
	$(CARGO) clippy --locked --all-targets -- -D warnings
	$(CARGO) test --locked
	$(CARGO) build --locked
	CARGO_TARGET_DIR=$(TARGET_DIR) bash tests/screenshots.sh
	CARGO_TARGET_DIR=$(TARGET_DIR) bash tests/report.sh
	CARGO_TARGET_DIR=$(TARGET_DIR) bash tests/booth-pc.sh

screenshots: deps-test
	$(CARGO) build --locked
	CARGO_TARGET_DIR=$(TARGET_DIR) bash tests/screenshots.sh
