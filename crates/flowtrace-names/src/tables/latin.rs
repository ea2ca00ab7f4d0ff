//! Spanish and Portuguese names, canonical with their accents; `de~`, `da~`, `dos~` mark the
//! particles some family names carry.

pub(crate) const SPANISH_MALE: &str = "
José, Jose
Juan
Luis
Carlos
Jorge
Manuel
Francisco
Antonio
Miguel
Pedro
Alejandro
Javier, Xavier
Fernando
Ricardo
Eduardo
Roberto
Sergio
Andrés, Andres
Diego
Pablo
Raúl, Raul
Héctor, Hector
Óscar, Oscar
Rafael
Daniel
David
Alberto
Enrique
Víctor, Victor
Mario
Gabriel
Ángel, Angel
Jesús, Jesus
Ramón, Ramon
Rodrigo
Gustavo
Arturo
Hugo
Guillermo
Emilio
Julio
Santiago
Mateo
Ignacio
Álvaro, Alvaro
Gonzalo
Esteban
Felipe
Joaquín, Joaquin
Tomás, Tomas
";

pub(crate) const SPANISH_FEMALE: &str = "
María, Maria
Ana
Carmen
Laura
Isabel
Lucía, Lucia
Sofía, Sofia
Marta
Elena
Paula
Cristina
Patricia
Rosa
Teresa
Beatriz
Pilar
Dolores
Mercedes
Gabriela
Daniela
Valentina
Camila
Andrea
Natalia
Claudia
Verónica, Veronica
Silvia
Alejandra
Mónica, Monica
Adriana
Sara
Carolina
Lorena
Julia
Raquel
Inés, Ines
Rocío, Rocio
Irene
Marina
Fernanda
Guadalupe
Luz
Juana
Margarita
Victoria
";

pub(crate) const SPANISH_FAMILY: &str = "
García, Garcia
Rodríguez, Rodriguez
González, Gonzalez
Fernández, Fernandez
López, Lopez
Martínez, Martinez
Sánchez, Sanchez
Pérez, Perez
Gómez, Gomez
Martín, Martin
Jiménez, Jimenez
Ruiz
Hernández, Hernandez
Díaz, Diaz
Moreno
Muñoz, Munoz
Álvarez, Alvarez
Romero
Alonso
Gutiérrez, Gutierrez
Navarro
Torres
Domínguez, Dominguez
Vázquez, Vazquez
Ramos
Gil
Ramírez, Ramirez
Serrano
Blanco
Molina
Morales
Suárez, Suarez
Ortega
Delgado
Castro
Ortiz
Rubio
Núñez, Nunez
Iglesias
Medina
Castillo
Cortés, Cortes
Guerrero
Flores
Herrera
Peña, Pena
Vargas
Reyes
Mendoza
Rojas
Aguilar
Salazar
Rivera
de la~Cruz
de~León, Leon
";

pub(crate) const PORTUGUESE_MALE: &str = "
João, Joao
José, Jose
Antônio, António, Antonio
Francisco
Carlos
Paulo
Pedro
Lucas
Luiz, Luís, Luis
Marcos
Gabriel
Rafael
Daniel
Marcelo
Bruno
Eduardo
Felipe, Filipe
Rodrigo
Fernando
Gustavo
Tiago, Thiago
Mateus
André, Andre
Diogo
Rui
Miguel
Ricardo
Sérgio, Sergio
Vítor, Vitor, Victor
Leonardo
Gonçalo, Goncalo
Henrique
Fábio, Fabio
Renato
Márcio, Marcio
Jorge
Manuel
Nuno
Guilherme
Vinícius, Vinicius
";

pub(crate) const PORTUGUESE_FEMALE: &str = "
Maria
Ana
Francisca
Antônia, Antonia
Adriana
Juliana
Márcia, Marcia
Fernanda
Patrícia, Patricia
Aline
Sandra
Camila
Amanda
Bruna
Jéssica, Jessica
Letícia, Leticia
Júlia, Julia
Luciana
Vanessa
Mariana
Gabriela
Beatriz
Larissa
Rafaela
Inês, Ines
Joana
Catarina
Carolina
Sofia
Rita
Teresa
Helena
Leonor
Raquel
Cláudia, Claudia
Sónia, Sônia, Sonia
Susana
Vera
Daniela
Tânia, Tania
";

pub(crate) const PORTUGUESE_FAMILY: &str = "
da~Silva
dos~Santos
de~Oliveira
de~Souza, Sousa
Rodrigues
Ferreira
Alves
Pereira
Lima
Gomes
da~Costa
Ribeiro
Martins
Carvalho
de~Almeida
Lopes
Soares
Fernandes
Vieira
Barbosa
da~Rocha
Dias
do~Nascimento
de~Andrade
Moreira
Nunes
Marques
Machado
Mendes
de~Freitas
Cardoso
Ramos
Gonçalves, Goncalves
Santana
Teixeira
de~Araújo, Araujo
Pinto
Correia
Monteiro
de~Moura
Cavalcanti
Batista
Campos
de~Azevedo
Coelho
da~Cunha
Pires
dos~Reis
";
