.PHONY: demo test bench clean

# Set up and run the desk once on the bundled sample inbox (examples/inbox).
demo:
	scripts/demo

# Set up (Dovecot, Python packages) and run the test suite.
test:
	scripts/test

bench:
	scripts/setup --dev
	.venv/bin/python bench/bench_reader.py

clean:
	rm -rf var
