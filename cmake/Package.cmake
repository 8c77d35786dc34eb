# `cpack -G DEB` (make package): iom_<version>_<arch>.deb with the layout of
# Install.cmake.

set(IOM_MAINTAINER
  "iom maintainers <maintainers@users.noreply.h-seed-c13b949e.example>"
  CACHE STRING "Maintainer of the Debian package: Name <address>")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME iom)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${IOM_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${IOM_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "where the International Organization for Migration works")
# CPack puts the summary first, as the synopsis line. No double quotes: CPack
# turns them into semicolons.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "iom answers questions about the directory of where the International
Organization for Migration works: its country offices and other offices, its
six regions and its office types, with ISO 3166-1 codes, aliases, and the basis
and the sources of every region and office-type assignment.
.
It is one offline program with the data built in. It prints aligned tables on
a terminal and TSV, CSV, JSON, JSON Lines or Markdown for scripts, matches
names after normalisation, searches with typo tolerance, and converts columns
of names or codes. Shell completions for bash, zsh and fish are included.")
# The release binary is static, so dpkg-shlibdeps finds no dependencies; a
# dynamic build gets the right ones.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE
  GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# share/doc/iom/copyright and changelog.gz, which Debian policy asks of every
# package. The copyright note says what is known; no licence has been chosen.
set(IOM_COPYRIGHT_FILE ${CMAKE_CURRENT_BINARY_DIR}/doc/copyright)
string(TIMESTAMP IOM_YEAR "%Y" UTC)
file(WRITE ${IOM_COPYRIGHT_FILE}
"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: iom
Upstream-Contact: ${IOM_MAINTAINER}

Files: *
Copyright: ${IOM_YEAR} the iom authors
License: none-chosen
 The authors have not yet chosen a licence for iom. Until they do, no
 permission beyond what the law allows is granted; ask the maintainer.

Files: data/*
Copyright: ${IOM_YEAR} the iom authors (the compilation)
License: none-chosen
Comment: The dataset records public facts, each with its source (see
 /usr/share/doc/iom/SOURCES.md and the sources field of every entry). Its ISO
 3166-1 codes and the name variants used as aliases come from Debian's
 iso-codes package (LGPL-2.1+).
")
set(IOM_CHANGELOG_FILE ${CMAKE_CURRENT_BINARY_DIR}/doc/changelog)
string(TIMESTAMP IOM_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
file(WRITE ${IOM_CHANGELOG_FILE}
"iom (${PROJECT_VERSION}) unstable; urgency=medium

  * Release ${PROJECT_VERSION}; see the README for what it does.

 -- ${IOM_MAINTAINER}  ${IOM_CHANGELOG_DATE}
")

# Static on purpose: iom starts as fast as /bin/true (see README).
set(IOM_LINTIAN_OVERRIDES ${CMAKE_CURRENT_BINARY_DIR}/doc/lintian-overrides)
file(WRITE ${IOM_LINTIAN_OVERRIDES}
"# Static on purpose: start-up is most of the cost of a lookup.
iom: statically-linked-binary [usr/bin/iom]
")

# One package from the default component and the Debian-only one.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_COMPONENTS_ALL Unspecified debian)

include(CPack)
