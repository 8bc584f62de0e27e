"""Word lists that linking leans on: words that are never people's names, calendar words,
staff roles and the words that make a sentence about playing."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised words that start, end or sit inside a name-shaped run but are not names.
NOT_NAME_WORDS = _words(
    "A Advertisement Africa After Al Albion Also Although America Americas An And Ankle April Are Arena "
    "Argentine As Asian Association At Athletic August Available Back Bay BBC Be Before Blow Blues Boost "
    "Boss Brazilian Bundesliga But By Calf Can Captain Center-back Centre-back Champions Championship "
    "City Club Coach Committee Compartir CONCACAF Concacaf Confederation Confirms Copa Copyright Could "
    "County Coupe Credit Crew Cup Das December Defender Delete Der Despite Did Die Do Does Doubt Doubtful "
    "Dr During Dutch Dutchman East El English Englishman ESPN Euro Europa Even Expected Facebook FC "
    "February Federation FIFA Final Fitness Foot Football For Forward French Frenchman Friday From "
    "Full-back German Getty Gli Goalkeeper Gold Groin Ground Group Gunners Had Hall Hamstring Has Have He "
    "Head Her Here Hill Hip His Hoops Hotspur However If Il Illness Images In Injured Injury Instagram Is "
    "It Italian Its January July June Keeper Knee Knock Lane Las Latest League Left-back Les Liga Ligue "
    "Listen Live Los Ltd Mail Manager March May Meanwhile Medical Men Men's Midfielder Monday More Mr "
    "National Nations New News No None North Not November October Of Official Old On One Only Or Out Over "
    "Park Photo Portuguese Post Premier Preview Problem Problems Quarter Racing Read Real Reds Related "
    "Report Return Returns Reuters Right-back Road Round Rovers Ruled Saint Saints Saturday Semi "
    "September Serie Share She Should Shutterstock Sir Skipper Sky Source Sources South Spaniard Spanish "
    "Sport Sports St Stadium Street Striker Sunday Super Suspended Team Teenager That The Their There "
    "These They Thigh This Those Thursday Times To Town Training Tuesday Twitter Two UEFA Unavailable "
    "Under United Update Updates Valley Veteran Wanderers Was Watch Wednesday Were West When While Will "
    "Wing-back Winger With Women Women's Womens World Would Yes Youngster YouTube"
)

# Days and months: never a surname, whatever a squad list says.
CALENDAR_WORDS = _words(
    "April August December February Friday January July June March May Monday November October Saturday "
    "September Sunday Thursday Tuesday Wednesday"
)

# Words that make a sentence about playing, fitness or injuries.
PLAY_WORDS = _words(
    "absence absent acl ankle available back backs bench calf captain concussion defender fitness forward "
    "goal goalkeeper groin hamstring ill illness keeper knee knock ligament limped loan midfielder miss "
    "missed misses missing muscle player scored sidelined signed signing squad start started starts "
    "striker surgery teammate thigh training unavailable winger"
)
PLAY_PREFIXES = ("injur", "fractur", "scan", "doubt", "return", "recover", "suspen", "substitut", "assist", "play")

# Roles that make the person named right after them staff, not a player.
STAFF_ROLES = (
    "dr.",
    "boss",
    "manager",
    "coach",
    "chairman",
    "president",
    "director",
    "pundit",
    "referee",
    "owner",
    "chief",
    "assistant",
    "physio",
    "doctor",
    "commentator",
    "analyst",
    "journalist",
    "reporter",
    "presenter",
    "ceo",
    "minister",
)
