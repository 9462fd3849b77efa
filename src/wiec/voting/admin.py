# Ballot boxes are managed through their owning modules (polls, budgets) in the office panel;
# ballots and participations are deliberately not browsable in the admin.
