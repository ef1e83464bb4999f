"""What every stsctl test script shares: running stsctl, named checks that
count passes and failures, and the closing "N passed, N failed" line."""
import os
import subprocess
import sys

STSCTL = os.environ["STSCTL"]
results = {"passed": 0, "failed": 0}


def run(args, stdin=None, exe=None, env=None):
    p = subprocess.run([exe or STSCTL] + list(args), input=stdin, capture_output=True,
                       timeout=60, env=env)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def check(name):
    def wrap(fn):
        try:
            fn()
        except AssertionError as e:
            results["failed"] += 1
            print(f"FAIL {name}: {e}")
        except Exception as e:  # a crash of the check itself counts as a failure
            results["failed"] += 1
            print(f"FAIL {name}: {type(e).__name__}: {e}")
        else:
            results["passed"] += 1
            print(f"ok   {name}")
        return fn
    return wrap


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def finish():
    print(f"{results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)
