# Ballot boxes are managed through their owning modules (polls, budgets) in the panel;
# ballots and participations are deliberately not browsable in the admin.
