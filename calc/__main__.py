"""`python -m calc NAME`: JSON input on stdin, JSON result on stdout; invalid input exits 2."""

import json
import sys

from calc.api import compute


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("gebruik: python -m calc NAAM < invoer.json", file=sys.stderr)
        return 2
    out = compute(argv[0], sys.stdin.read())
    print(out)
    return 2 if "fouten" in json.loads(out) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
