//! Western European names, English and French (German and Dutch are in `germanic`).
//! Canonical forms keep their accents; `de~`-style prefixes mark particles.

pub(crate) const ENGLISH_MALE: &str = "
James
John
Robert
Michael
William
David
Richard
Joseph
Thomas
Charles
Christopher
Daniel
Matthew
Anthony
Mark
Paul
Steven, Stephen
Andrew
Kenneth
Joshua
Kevin
Brian
George
Timothy
Ronald
Edward
Jason
Jeffrey
Ryan
Jacob
Gary
Nicholas
Eric
Jonathan
Peter
Simon
Oliver
Harry
Jack
Liam
Connor
Graham
Ian
Neil
Stuart, Stewart
Gareth
Alan, Allan
";

pub(crate) const ENGLISH_FEMALE: &str = "
Mary
Patricia
Jennifer
Linda
Elizabeth
Barbara
Susan
Jessica
Sarah, Sara
Karen
Lisa
Nancy
Margaret
Sandra
Ashley
Emily
Donna
Michelle
Carol
Amanda
Melissa
Deborah
Stephanie
Rebecca
Laura
Helen
Sharon
Emma
Olivia
Sophie
Charlotte
Hannah
Lucy
Katherine, Catherine
Rachel
Claire
Victoria
Joanne
Amy
Gemma
";

pub(crate) const ENGLISH_FAMILY: &str = "
Smith
Johnson
Williams
Brown
Jones
Miller
Davis
Wilson
Anderson
Taylor
Thomas
Moore
Jackson
Martin
White
Thompson
Harris
Clark, Clarke
Lewis
Robinson
Walker
Young
Allen
King
Wright
Scott
Hill
Green
Adams
Baker
Nelson
Carter
Mitchell
Roberts
Turner
Phillips
Campbell
Parker
Evans
Edwards
Collins
Stewart
Morris
Murphy
Cook
Morgan
Cooper
Bailey
Kelly
Hughes
O'Brien, OBrien
O'Connor, OConnor
McDonald, MacDonald
";

pub(crate) const FRENCH_MALE: &str = "
Jean
Pierre
Michel
Philippe
Alain
Nicolas
Christophe
Patrick
Laurent
Stéphane, Stephane
Julien
Sébastien, Sebastien
Frédéric, Frederic
Éric, Eric
Olivier
Thierry
Pascal
Antoine
François, Francois
Jacques
Guillaume
Mathieu
Vincent
Romain
Benoît, Benoit
Hugo
Louis
Gérard, Gerard
Bernard
Cédric, Cedric
Yves
Jérôme, Jerome
Lucas
Jean-Pierre, Jean Pierre
Jean-Luc, Jean Luc
Jean-Marc, Jean Marc
Jean-François, Jean-Francois
";

pub(crate) const FRENCH_FEMALE: &str = "
Marie
Nathalie
Isabelle
Sylvie
Catherine
Françoise, Francoise
Christine
Valérie, Valerie
Sandrine
Sophie
Céline, Celine
Stéphanie, Stephanie
Véronique, Veronique
Aurélie, Aurelie
Julie
Camille
Émilie, Emilie
Chloé, Chloe
Léa, Lea
Manon
Élodie, Elodie
Caroline
Anne
Monique
Nicole
Brigitte
Claire
Hélène, Helene
Juliette
Margaux
Pauline
Mathilde
Inès, Ines
Océane, Oceane
Agnès, Agnes
Martine
Marie-Claire, Marie Claire
Anne-Sophie, Anne Sophie
";

pub(crate) const FRENCH_FAMILY: &str = "
Martin
Bernard
Dubois
Thomas
Robert
Richard
Petit
Durand
Leroy
Moreau
Simon
Laurent
Lefebvre, Lefèvre
Michel
David
Bertrand
Roux
Vincent
Fournier
Morel
Girard
André, Andre
Mercier
Dupont
Lambert
Bonnet
François, Francois
Legrand
Garnier
Faure
Rousseau
Blanc
Guérin, Guerin
Muller
Henry
Roussel
Perrin
Morin
Mathieu
Clément, Clement
Gauthier
Dumont
Fontaine
Chevalier
Robin
Masson
Lemaire
Duval
Joly
Le~Goff, Legoff
";
