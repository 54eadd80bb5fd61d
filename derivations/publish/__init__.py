"""Publishing: the output files, the whole document and its PDF, the figures, and the
runner that checks derivations side by side.

It may import every layer below it (code included); only the command line imports it.
"""
