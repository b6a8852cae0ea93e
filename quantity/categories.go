package quantity

// The normalised categories of d.Quantities that other stages may rely on
// (the events stage reads them for an event's dead, injured and size). They
// are stable; docs/QUANTITIES.md describes each. Any other category is the
// counted noun as written, lower case ("countries", "parties").
const (
	Killed     = "killed"     // killed, dead, died, deaths, a death toll
	Wounded    = "wounded"    // wounded, injured, hurt, injuries
	Casualties = "casualties" // killed and wounded together, as reported
	Missing    = "missing"
	Displaced  = "displaced" // displaced, fled, refugees, "from their homes"
	Arrested   = "arrested"  // arrested, detained, jailed, detainees
	Abducted   = "abducted"  // abducted, kidnapped, hostages
	Troops     = "troops"    // a force size: troops, soldiers, peacekeepers, fighters, "5,000-strong"
	Personnel  = "personnel" // personnel, staff, "17,500-person mission"
	Percent    = "percent"   // with Unit "%" or "pp"
	Money      = "money"     // with Unit an ISO 4217 code
)

// IsCasualty reports whether a category counts people harmed or taken:
// killed, wounded, casualties, missing, displaced, arrested, abducted.
func IsCasualty(category string) bool {
	switch category {
	case Killed, Wounded, Casualties, Missing, Displaced, Arrested, Abducted:
		return true
	}
	return false
}

// IsForce reports whether a category is the size of a force or mission.
func IsForce(category string) bool { return category == Troops || category == Personnel }
