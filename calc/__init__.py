"""PBM-wijzer rekenregels: the pbm'er norms as data, and the rekenhulpen that apply them.

Standard library only: the same package runs in CPython (tests, CLI, site build) and in
Pyodide (the visitor's browser).
"""

__version__ = "0.1.0"
