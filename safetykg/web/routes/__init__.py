"""The routers of the HTTP service, one per area; web/app.py wires them and nothing else."""
