"""Stock of blanks: the ledger, consumption forecasts, the allocation policy and alerts (pure core)."""
