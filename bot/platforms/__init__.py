"""The social platforms at the network edge: one package per platform (`x`, `facebook`), each
with its source (reading), parsing and write actions; the shared source interface, HTTP
session settings and the outcome of a platform write.

May import: `core/`, `store/`, `policy`.
"""
