"""Verifies every DKIM-Signature of each message with dkimpy, taking the public keys from a file, never from DNS.

usage: python3 dkimcheck.py KEYFILE MESSAGE...
KEYFILE: one record a line, "<selector>._domainkey.<domain> <TXT value>".
Prints one line per signature, "<file>: sig <i> d=<d> s=<s> a=<a> pass|fail (<why>)"; exits 0 only when every
message has at least one signature and every signature passes.
"""
import sys

import dkim


def read_keys(path):
    keys = {}
    with open(path, "rb") as f:
        for line in f:
            if line.strip() and not line.startswith(b"#"):
                name, txt = line.split(None, 1)
                keys[name.lower().rstrip(b".")] = txt.strip()
    return keys


def main(argv):
    keys = read_keys(argv[1])

    # dkimpy asks for b"sel._domainkey.dom." (bytes, with the root dot)
    def lookup(name, timeout=5):
        return keys.get(name.lower().rstrip(b"."))

    ok = True
    for path in argv[2:]:
        with open(path, "rb") as f:
            verifier = dkim.DKIM(f.read())
        count = sum(1 for h in verifier.headers if h[0].lower() == b"dkim-signature")
        if count == 0:
            print(f"{path}: no DKIM-Signature")
            ok = False
        for i in range(count):  # verify() alone checks only the topmost signature
            why = ""
            try:
                passed = verifier.verify(idx=i, dnsfunc=lookup)
            except dkim.DKIMException as e:
                passed, why = False, f" ({e})"
            tags = verifier.signature_fields
            signed = b"".join(tags[b"h"].split()).decode()  # h= may be folded
            print(f"{path}: sig {i} d={tags[b'd'].decode()} s={tags[b's'].decode()} a={tags[b'a'].decode()}"
                  f" h={signed} {'pass' if passed else 'fail'}{why}")
            ok = ok and passed
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
