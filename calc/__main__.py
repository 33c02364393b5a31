"""`python -m calc NAME`: JSON input on stdin, JSON result on stdout; invalid input exits 2."""

import json
import sys

from calc.api import compute
from calc.fields import error


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("gebruik: python -m calc NAAM < invoer.json", file=sys.stderr)
        return 2
    # Bytes, decoded here: a file that is not UTF-8 gets a message, not a traceback.
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        out = json.dumps(
            {
                "fouten": [
                    error("invoer", "De invoer is geen UTF-8-tekst. Sla de JSON op als UTF-8.")
                ]
            },
            ensure_ascii=False,
        )
    else:
        out = compute(argv[0], text)
    print(out)
    return 2 if "fouten" in json.loads(out) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
