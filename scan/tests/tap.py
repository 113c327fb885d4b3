"""
scan/tests/tap.py - the check()/counter helper every scan/tests/test_*.py shares: one
"PASS name" or "FAIL name" line per check (a failure followed by its detail, indented), and
the closing "LABEL: N passed, N failed" line. Python 3 standard library only.

    T = tap.Tap("scan-tests")          # limit=3000 cuts each failure's detail there
    check = T.check
    ...
    return T.summary()                 # prints the count line; 1 if anything failed
"""


class Tap:
    def __init__(self, label, limit=None):
        self.label = label
        self.limit = limit
        self.passed = self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print("PASS " + name)
        else:
            self.failed += 1
            print("FAIL " + name)
            if detail:
                text = str(detail).replace("\n", "\n    ")
                print("    " + (text if self.limit is None else text[:self.limit]))

    def count_line(self):
        print("%s: %d passed, %d failed" % (self.label, self.passed, self.failed))

    def summary(self):
        self.count_line()
        return 1 if self.failed else 0
