"""Things that kill without being anyone: medicines, treatments, chemicals and the weather.

When one of these is the subject of "kill" or "wipe out" ("the antibiotics will kill them
all"), the sentence reports what a treatment or the weather does to germs, cells, weeds or
pests; it is nobody's threat and no call to harm people.
"""

from __future__ import annotations

NON_HUMAN_AGENTS = (
    # Medicines and treatments.
    "antibiotic", "antibiotics", "antibiotic course", "antiviral", "antivirals",
    "antifungal", "antifungals", "penicillin", "amoxicillin", "chemo", "chemotherapy",
    "radiotherapy", "radiation", "immunotherapy", "the treatment", "this treatment",
    "the medication", "the medicine", "the tablets", "the drugs", "the cream",
    "the vaccine", "vaccine", "vaccines", "the jab", "antibodies", "white blood cells",
    "the immune system", "your immune system", "my immune system", "steroids",
    # Chemicals used on germs and pests.
    "bleach", "disinfectant", "antiseptic", "alcohol gel", "hand gel", "the spray",
    "pesticide", "pesticides", "insecticide", "weedkiller", "weed killer", "flea treatment",
    "slug pellets", "the poison", "rat poison",
    # The weather.
    "the frost", "frost", "the cold", "the heat", "the heatwave", "the drought",
    "the winter",
)
