import os
import sys

# the package is used from the source tree (no install needed): probe/ and probe/tests/ on the path
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
