# Thin wrapper over the scripts (which are what the README documents; make is optional).
.PHONY: setup serve test

setup:
	./scripts/setup.sh

serve:
	./scripts/serve.sh

test:
	./scripts/test.sh
