"""One repository per kind of record; every SQL statement Doorstep runs lives in this package."""
