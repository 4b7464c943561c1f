# The Debian package: `cpack -G DEB` in a build tree (scripts/package makes a Release one) packs what
# `cmake --install` installs, under /usr. Dependencies: the libraries' packages from dpkg-shlibdeps, plus the
# plugins Qt loads at run time, which shlibdeps cannot see (SQL drivers, platform and SVG icon plugins). No
# maintainer scripts: Debian's triggers update the MIME, icon, desktop and man caches.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME modeldesk)
set(CPACK_PACKAGE_VENDOR "ModelDesk")
set(CPACK_PACKAGE_CONTACT "The ModelDesk developers <modeldesk@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# The extended description, in lines of under 80 characters as Debian wants them.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
  "ModelDesk is a desktop tool for people who build database apps with"
  "Sequelize-style ORMs: design models and their links, enter linked records"
  "through a generated form on SQLite, PostgreSQL or MariaDB, and export the"
  "design as SQL, Sequelize 6 models, DBML, Mermaid, JSON or a diagram image."
  "A command line does the same without a display.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, libqt6sql6-psql, libqt6sql6-mysql, qt6-qpa-plugins, libqt6svg6")
include(CPack)
