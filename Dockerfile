# Builds and runs the site. docker-compose.yml uses it with a PostgreSQL server.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY db db
RUN ./mvnw -B -q package -DskipTests -Dspring-javaformat.skip=true

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app podsite
WORKDIR /app
COPY --from=build /src/target/podsite-*.jar app.jar
USER podsite
EXPOSE 8080
ENTRYPOINT ["java", "-Xmx512m", "-jar", "/app/app.jar"]
