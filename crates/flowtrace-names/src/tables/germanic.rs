//! German and Dutch names. Canonical forms keep their umlauts; `van~`, `van der~`, `de~`,
//! `von~` mark particles.

pub(crate) const GERMAN_MALE: &str = "
Thomas
Michael
Andreas
Stefan, Stephan
Peter
Klaus, Claus
Wolfgang
Jürgen, Juergen, Jurgen
Frank
Uwe
Christian
Markus, Marcus
Martin
Matthias
Alexander
Sebastian
Tobias
Jan
Florian
Daniel
Dieter
Hans
Günter, Guenter, Gunter
Karl-Heinz, Karlheinz
Jörg, Joerg, Jorg
Ralf, Ralph
Sven
Lukas, Lucas
Felix
Maximilian
Jonas
Leon
Niklas, Nicklas
Bernd
Heinz
Horst
Manfred
Helmut
Rainer, Reiner
Dirk
";

pub(crate) const GERMAN_FEMALE: &str = "
Sabine
Susanne
Petra
Monika
Claudia
Andrea
Birgit
Stefanie, Stephanie
Katrin, Kathrin
Julia
Anna
Laura
Lena
Lea
Hannah, Hanna
Sarah, Sara
Christina, Kristina
Ursula
Renate
Gisela
Ingrid
Karin
Brigitte
Heike
Nicole
Anja
Sandra
Martina
Kerstin
Silke
Jana
Franziska
Katharina
Johanna
Marie
Sophie
Charlotte
Emma
Mia
Lisa
";

pub(crate) const GERMAN_FAMILY: &str = "
Müller, Mueller, Muller
Schmidt
Schneider
Fischer
Weber
Meyer, Meier, Maier
Wagner
Becker
Schulz
Hoffmann
Schäfer, Schaefer, Schafer
Koch
Bauer
Richter
Klein
Wolf
Schröder, Schroeder, Schroder
Neumann
Schwarz
Zimmermann
Braun
Krüger, Krueger, Kruger
Hofmann
Hartmann
Lange
Schmitt
Werner
Schmitz
Krause
Lehmann
Schulze
Köhler, Koehler, Kohler
Herrmann
König, Koenig, Konig
Walter
Huber
Kaiser
Fuchs
Peters
Lang
Scholz
Möller, Moeller, Moller
Weiß, Weiss
Jung
Hahn
Vogel
Friedrich
Keller
Günther, Guenther, Gunther
Berger
von~Berg
";

pub(crate) const DUTCH_MALE: &str = "
Jan
Pieter, Piet
Johannes
Hendrik
Willem
Cornelis
Gerrit
Dirk
Kees
Bram
Daan
Sem
Lucas
Thijs, Thys
Jeroen
Bas
Ruud
Maarten
Joost
Sander
Stijn, Styn
Wouter
Koen
Niels
Rik
Geert
Bart
Erik
Frank
Mark
Hans
Jos
Wim
Jasper
Tim
Luuk
Jesse
Ruben
Arjen
Mees
";

pub(crate) const DUTCH_FEMALE: &str = "
Anna
Maria
Johanna
Cornelia
Elisabeth
Sanne
Lotte
Emma
Julia
Sophie
Lisa
Eva
Fleur
Anouk
Femke
Iris
Lieke
Marieke
Mirjam
Ingrid
Monique
Esther
Ellen
Karin
Annemarie
Inge
Linda
Petra
Sandra
Wendy
Chantal
Marloes
Naomi
Noor
Saskia
Yvonne
Nicole
Anke
Jolanda
Anja
";

pub(crate) const DUTCH_FAMILY: &str = "
de~Jong
Jansen
de~Vries
van den~Berg
van~Dijk, Dyk
Bakker
Janssen
Visser
Smit
Meijer, Meyer
de~Boer
Mulder
de~Groot
Bos
Vos
Peters
Hendriks
van~Leeuwen
Dekker
Brouwer
de~Wit
Dijkstra, Dykstra
Smits
de~Graaf
van der~Meer
van der~Linden
Kok
Jacobs
de~Haan
Vermeulen
van den~Heuvel
van der~Veen
van den~Broek
de~Bruijn, Bruyn, Bruin
van der~Heijden, Heyden
Schouten
van~Beek
Willems
van~Vliet
Hoekstra
Maas
Verhoeven
Koster
van~Dam
Prins
Blom
Huisman
Peeters
Maes
Claes
Goossens
Wouters
";
